package org.sonocine.dicom;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A DICOMDIR (PS3.10 section 8, PS3.3 F.3): the tree of directory records (patient, study, series, image, ...)
 * linked by byte offsets, and the files they reference. A Referenced File ID that would leave the DICOMDIR's
 * folder (absolute, "..", drive letters) is refused and reported, never followed.
 */
public final class DicomDirectory {
    /** One directory record: its type (PATIENT, STUDY, ...), its attributes, its file if any, its children. */
    public record DirectoryRecord(String type, Attributes attributes, Optional<Path> file, List<DirectoryRecord> children) {
    }

    private static final List<String> LEVELS = List.of("PATIENT", "STUDY", "SERIES");

    private final Path location;
    private final List<DirectoryRecord> roots;
    private final List<String> problems;

    private DicomDirectory(Path location, List<DirectoryRecord> roots, List<String> problems) {
        this.location = location;
        this.roots = roots;
        this.problems = problems;
    }

    public static DicomDirectory read(Path dicomdir) throws IOException {
        try (DicomFile file = DicomFile.open(dicomdir)) {
            return of(dicomdir, file.dataset());
        }
    }

    static DicomDirectory of(Path dicomdir, Attributes ds) throws DicomException {
        Sequence records = ds.getSequence(Tag.DirectoryRecordSequence);
        if (records == null) {
            throw new DicomException(dicomdir + " is not a DICOMDIR: it has no Directory Record Sequence (0004,1220)");
        }
        Path folder = dicomdir.toAbsolutePath().normalize().getParent();
        List<String> problems = new ArrayList<>();
        Builder builder = new Builder(folder, records, problems);
        long root = ds.getLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, 0, 0);
        List<DirectoryRecord> roots = builder.byOffsets(root);
        if (roots == null) {
            roots = builder.bySequenceOrder();
        }
        return new DicomDirectory(dicomdir, List.copyOf(roots), List.copyOf(problems));
    }

    public Path location() {
        return location;
    }

    /** Top-level records (usually PATIENT). */
    public List<DirectoryRecord> roots() {
        return roots;
    }

    /** Referenced File IDs that were refused or that name missing files. */
    public List<String> problems() {
        return problems;
    }

    /** Every record that references a file, depth first in directory order. */
    public List<DirectoryRecord> fileRecords() {
        List<DirectoryRecord> out = new ArrayList<>();
        collect(roots, out);
        return out;
    }

    private static void collect(List<DirectoryRecord> records, List<DirectoryRecord> out) {
        for (DirectoryRecord r : records) {
            if (r.file().isPresent()) {
                out.add(r);
            }
            collect(r.children(), out);
        }
    }

    public List<Path> referencedFiles() {
        return fileRecords().stream().map(r -> r.file().orElseThrow()).toList();
    }

    /** Builds the record tree, guarding against offset loops and files that escape the folder. */
    private static final class Builder {
        private final Path folder;
        private final Sequence records;
        private final List<String> problems;
        private final Map<Long, Attributes> byPosition = new HashMap<>();

        Builder(Path folder, Sequence records, List<String> problems) {
            this.folder = folder;
            this.records = records;
            this.problems = problems;
            for (Attributes r : records) {
                byPosition.put(r.itemPosition(), r);
            }
        }

        /** Follows Offset of the Next/Lower-Level records; null when the offsets do not match the records. */
        List<DirectoryRecord> byOffsets(long first) {
            if (!byPosition.containsKey(first)) {
                return null;
            }
            Set<Long> visited = new HashSet<>();
            List<DirectoryRecord> roots = siblings(first, visited, 0);
            return visited.size() == records.size() ? roots : null;
        }

        private List<DirectoryRecord> siblings(long offset, Set<Long> visited, int depth) {
            List<DirectoryRecord> out = new ArrayList<>();
            long next = offset;
            while (next != 0 && byPosition.containsKey(next) && visited.add(next) && depth < 16) {
                Attributes r = byPosition.get(next);
                long lower = r.getLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, 0, 0);
                List<DirectoryRecord> children = lower != 0 ? siblings(lower, visited, depth + 1) : List.of();
                out.add(record(r, children));
                next = r.getLong(Tag.OffsetOfTheNextDirectoryRecord, 0, 0);
            }
            return out;
        }

        /** For writers that leave offsets at zero: nest records by the order PATIENT > STUDY > SERIES > others. */
        List<DirectoryRecord> bySequenceOrder() {
            List<DirectoryRecord> roots = new ArrayList<>();
            List<List<DirectoryRecord>> open = new ArrayList<>();
            for (Attributes r : records) {
                String type = r.getString(Tag.DirectoryRecordType, "");
                int level = LEVELS.indexOf(type);
                if (level < 0) {
                    level = LEVELS.size();
                }
                List<DirectoryRecord> children = new ArrayList<>();
                DirectoryRecord record = record(r, children);
                while (open.size() > level) {
                    open.remove(open.size() - 1);
                }
                List<DirectoryRecord> parent = open.isEmpty() ? roots : open.get(open.size() - 1);
                parent.add(record);
                if (level < LEVELS.size()) {
                    while (open.size() < level) {
                        open.add(parent);
                    }
                    open.add(children);
                }
            }
            return roots;
        }

        private DirectoryRecord record(Attributes r, List<DirectoryRecord> children) {
            String type = r.getString(Tag.DirectoryRecordType, "");
            return new DirectoryRecord(type, r, resolve(r.getStrings(Tag.ReferencedFileID)), List.copyOf(children));
        }

        private Optional<Path> resolve(String[] components) {
            if (components.length == 0) {
                return Optional.empty();
            }
            String id = String.join("\\", components);
            Path path = folder;
            for (String raw : components) {
                String c = raw.trim();
                if (c.endsWith(";1")) {
                    c = c.substring(0, c.length() - 2);
                }
                if (c.isEmpty() || c.equals(".") || c.equals("..") || c.contains("/") || c.contains(":")
                        || c.contains("\\") || c.indexOf('\0') >= 0) {
                    problems.add("Referenced File ID '" + id + "' refused: it does not name a file inside the"
                            + " DICOMDIR's folder");
                    return Optional.empty();
                }
                try {
                    path = matchCase(path, c);
                } catch (InvalidPathException e) {
                    problems.add("Referenced File ID '" + id + "' refused: not a valid file name here");
                    return Optional.empty();
                }
            }
            Path normal = path.normalize();
            if (!normal.startsWith(folder)) {
                problems.add("Referenced File ID '" + id + "' refused: it leaves the DICOMDIR's folder");
                return Optional.empty();
            }
            if (!Files.isRegularFile(normal)) {
                problems.add("Referenced File ID '" + id + "' names a missing file");
            }
            return Optional.of(normal);
        }

        /** Media written on one system and read on another often differ in letter case only. */
        private static Path matchCase(Path dir, String name) {
            Path exact = dir.resolve(name);
            if (Files.exists(exact) || !Files.isDirectory(dir)) {
                return exact;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    if (entry.getFileName().toString().toUpperCase(Locale.ROOT)
                            .equals(name.toUpperCase(Locale.ROOT))) {
                        return entry;
                    }
                }
            } catch (IOException e) {
                return exact;
            }
            return exact;
        }
    }
}

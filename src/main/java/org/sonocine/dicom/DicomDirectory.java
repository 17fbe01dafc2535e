package org.sonocine.dicom;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * folder (absolute, "..", drive letters, or a symbolic link that leads outside) is refused and reported, never
 * followed.
 */
public final class DicomDirectory {
    /** One directory record: its type (PATIENT, STUDY, ...), its attributes, its file if any, its children. */
    public record DirectoryRecord(String type, Attributes attributes, Optional<Path> file, List<DirectoryRecord> children) {
    }

    /** The records that hold others, outermost first; every other record is a leaf of the innermost. */
    private static final List<String> LEVELS = List.of("PATIENT", "STUDY", "SERIES");
    /** Leaf records that belong at the top, beside the patients (PS3.3 F.4, Table F.4-1). */
    private static final Set<String> TOP_LEVEL_LEAVES = Set.of("TOPIC", "PRINT QUEUE", "HANGING PROTOCOL", "PALETTE",
            "IMPLANT", "IMPLANT ASSY", "IMPLANT GROUP");
    private static final int LEAF = LEVELS.size();
    private static final int TOP_LEAF = -1;

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
            throw new DicomException(dicomdir + ": not a DICOMDIR, it has no Directory Record Sequence (0004,1220)");
        }
        Path folder = dicomdir.toAbsolutePath().normalize().getParent();
        List<String> problems = new ArrayList<>();
        Builder builder = new Builder(folder, records, problems);
        long root = ds.getLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, 0, 0);
        List<DirectoryRecord> roots = builder.build(root);
        return new DicomDirectory(dicomdir, List.copyOf(roots), List.copyOf(problems));
    }

    public Path location() {
        return location;
    }

    /** Top-level records (usually PATIENT). */
    public List<DirectoryRecord> roots() {
        return roots;
    }

    /**
     * What is wrong with the DICOMDIR, one line each: Referenced File IDs refused or naming missing files (their
     * records have no file), record offsets that do not link the records.
     */
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

    /**
     * Builds the record tree, guarding against offset loops and files that escape the folder. A record's file is
     * resolved when the record joins the tree, once, so only records in the tree have their problems reported.
     */
    private static final class Builder {
        private final Path folder;
        private final List<String> problems;
        private final List<Node> nodes = new ArrayList<>();
        private final Map<Long, Node> byPosition = new HashMap<>();
        private Path realFolder;

        Builder(Path folder, Sequence records, List<String> problems) {
            this.folder = folder;
            this.problems = problems;
            for (Attributes r : records) {
                Node node = new Node(r.getString(Tag.DirectoryRecordType, "").trim(), r);
                nodes.add(node);
                byPosition.put(r.itemPosition(), node);
            }
        }

        /**
         * Follows Offset of the Next/Lower-Level records from the root record. When they lead nowhere (a writer
         * that left them at zero), nests the records by their stored order instead. When they link only some of
         * the records, the linked tree is kept and the rest are left out and counted: a record no offset leads to
         * is not part of the directory (PS3.10 8.5), and its place in the tree is unknown.
         */
        List<DirectoryRecord> build(long first) {
            if (nodes.isEmpty()) {
                return List.of();
            }
            Set<Long> visited = new HashSet<>();
            List<DirectoryRecord> roots = byPosition.containsKey(first) ? siblings(first, visited, 0) : List.of();
            if (visited.isEmpty()) {
                if (first != 0) {
                    problems.add("the offset of the root record (" + first + ") leads to no directory record; the "
                            + nodes.size() + " records were read in their stored order instead");
                }
                return bySequenceOrder();
            }
            int unlinked = nodes.size() - visited.size();
            if (unlinked > 0) {
                problems.add(unlinked + " of the " + nodes.size() + " directory records are not linked from the"
                        + " root record; they were left out");
            }
            return roots;
        }

        private List<DirectoryRecord> siblings(long offset, Set<Long> visited, int depth) {
            List<DirectoryRecord> out = new ArrayList<>();
            long next = offset;
            while (next != 0 && byPosition.containsKey(next) && visited.add(next) && depth < 16) {
                Node node = byPosition.get(next);
                long lower = node.attributes.getLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, 0, 0);
                List<DirectoryRecord> children = lower != 0 ? siblings(lower, visited, depth + 1) : List.of();
                out.add(record(node, children));
                next = node.attributes.getLong(Tag.OffsetOfTheNextDirectoryRecord, 0, 0);
            }
            return out;
        }

        /**
         * Without offsets the records stand in hierarchical order (PS3.3 F.5): each PATIENT is followed by its
         * STUDY records, each of those by its SERIES, each of those by its IMAGE (or other leaf) records.
         */
        private List<DirectoryRecord> bySequenceOrder() {
            List<Branch> roots = new ArrayList<>();
            Deque<Branch> open = new ArrayDeque<>();
            for (Node node : nodes) {
                int level = levelOf(node.type);
                while (!open.isEmpty() && open.peek().level >= Math.min(level, LEAF)) {
                    open.pop();
                }
                Branch branch = new Branch(node, level);
                (open.isEmpty() ? roots : open.peek().children).add(branch);
                if (level >= 0 && level < LEAF) {
                    open.push(branch);
                }
            }
            return roots.stream().map(this::freeze).toList();
        }

        private static int levelOf(String type) {
            int level = LEVELS.indexOf(type);
            if (level >= 0) {
                return level;
            }
            return TOP_LEVEL_LEAVES.contains(type) ? TOP_LEAF : LEAF;
        }

        private DirectoryRecord freeze(Branch branch) {
            return record(branch.node, branch.children.stream().map(this::freeze).toList());
        }

        private DirectoryRecord record(Node node, List<DirectoryRecord> children) {
            Optional<Path> file = resolve(node.attributes.getStrings(Tag.ReferencedFileID));
            return new DirectoryRecord(node.type, node.attributes, file, List.copyOf(children));
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
            if (!Files.exists(normal)) {
                problems.add("Referenced File ID '" + id + "' names a missing file");
                return Optional.empty();
            }
            if (!leadsInside(normal)) {
                problems.add("Referenced File ID '" + id + "' refused: a symbolic link leads it out of the"
                        + " DICOMDIR's folder");
                return Optional.empty();
            }
            if (!Files.isRegularFile(normal)) {
                problems.add("Referenced File ID '" + id + "' names a folder or device, not a file");
                return Optional.empty();
            }
            return Optional.of(normal);
        }

        /** Whether the file, once every symbolic link on its way is followed, still lies in the folder. */
        private boolean leadsInside(Path file) {
            try {
                if (realFolder == null) {
                    realFolder = folder.toRealPath();
                }
                return file.toRealPath().startsWith(realFolder);
            } catch (IOException e) {
                return false;
            }
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

    /** One record as stored. */
    private record Node(String type, Attributes attributes) {
    }

    /** A record whose children are still being gathered, while the tree is rebuilt from the stored order. */
    private record Branch(Node node, int level, List<Branch> children) {
        Branch(Node node, int level) {
            this(node, level, new ArrayList<>());
        }
    }
}

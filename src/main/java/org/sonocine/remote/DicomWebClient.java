package org.sonocine.remote;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.ElementDictionary;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.VR;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The DICOMweb services of one archive: QIDO-RS searches at each level, WADO-RS metadata, frames and whole
 * instances. Each call blocks until the answer is in (frames and instances stream as they arrive); run them off
 * any thread that must stay responsive. Safe to share between threads.
 */
public final class DicomWebClient {
    /** A whole instance written to disk may not be larger than this. */
    static final long MAX_INSTANCE_BYTES = 8L << 30;
    private static final String DICOM_JSON = "application/dicom+json";
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final ArchiveHttp http;
    private final DicomJsonReader.Limits jsonLimits;

    public DicomWebClient(ArchiveConnection connection) {
        this(connection, DicomJsonReader.Limits.DEFAULT);
    }

    DicomWebClient(ArchiveConnection connection, DicomJsonReader.Limits jsonLimits) {
        this.http = new ArchiveHttp(connection);
        this.jsonLimits = jsonLimits;
    }

    public ArchiveConnection connection() {
        return http.connection();
    }

    /** Studies matching {@code query} (patient, dates, modality in study, accession number). */
    public SearchPage searchStudies(SearchQuery query) throws RemoteException {
        return search("/studies", query, SearchQuery.Level.STUDIES);
    }

    /** The series of a study; a modality in {@code query} narrows them, the study criteria are ignored. */
    public SearchPage searchSeries(String studyUid, SearchQuery query) throws RemoteException {
        return search(InstanceRef.study(studyUid).path() + "/series", query, SearchQuery.Level.SERIES);
    }

    /** The instances of a series. */
    public SearchPage searchInstances(String studyUid, String seriesUid, SearchQuery query) throws RemoteException {
        return search(InstanceRef.series(studyUid, seriesUid).path() + "/instances", query,
                SearchQuery.Level.INSTANCES);
    }

    private SearchPage search(String path, SearchQuery query, SearchQuery.Level level) throws RemoteException {
        URI uri = connection().resolve(path + "?" + query.toQueryString(level));
        List<JsonDataSet> sets = readJson(uri);
        List<String> warnings = new ArrayList<>();
        sets.forEach(s -> warnings.addAll(s.warnings()));
        return new SearchPage(sets.stream().map(JsonDataSet::attributes).toList(), query, List.copyOf(warnings));
    }

    /** The header of one instance (WADO-RS metadata): everything but its bulk data, which stays on the server. */
    public JsonDataSet metadata(InstanceRef ref) throws RemoteException {
        if (!ref.isInstance()) {
            throw new IllegalArgumentException("metadata of one instance needs its study, series and instance UIDs");
        }
        List<JsonDataSet> sets = readJson(connection().resolve(ref.path() + "/metadata"));
        if (sets.size() != 1) {
            throw new RemoteException(RemoteException.Reason.MALFORMED, "the archive answered with " + sets.size()
                    + " data sets for the metadata of one instance");
        }
        return sets.get(0);
    }

    /** Bulk data larger than this is no palette or LUT, and is left on the server. */
    private static final long MAX_BULK_BYTES = 4L << 20;

    /**
     * Fetches into {@code metadata}'s header the palettes and lookup tables an archive left out of it and only
     * pointed at, which the image needs to be shown; nothing else (the pixels come as frames). Only from the
     * archive's own host, so that credentials never go elsewhere. A value that cannot be fetched is left out with a
     * warning: the image then says what it lacks.
     *
     * @return what was left out, in words
     */
    public List<String> fetchBulkData(JsonDataSet metadata) throws RemoteException {
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(metadata.bulkDataUris()).entrySet()) {
            if (!e.getKey().matches("[0-9A-Fa-f]{8}")) {
                continue;
            }
            int tag = (int) Long.parseLong(e.getKey(), 16);
            if (!isPaletteOrLut(tag)) {
                continue;
            }
            String name = ElementDictionary.standard().keywordOf(tag);
            URI uri;
            try {
                uri = connection().base().resolve(e.getValue());
            } catch (IllegalArgumentException bad) {
                warnings.add(name + " left out: the archive gave no usable address for it");
                continue;
            }
            if (!sameHost(uri, connection().base())) {
                warnings.add(name + " left out: the archive keeps it on another host (" + uri.getHost() + ")");
                continue;
            }
            byte[][] value = new byte[1][];
            try {
                getMultipart(uri, "multipart/related; type=\"application/octet-stream\"", MAX_BULK_BYTES,
                        (part, type) -> {
                            if (value[0] == null) {
                                value[0] = part.readAll(MAX_BULK_BYTES);
                            }
                        });
            } catch (RemoteException failure) {
                if (failure.reason() == RemoteException.Reason.INTERRUPTED) {
                    throw failure;
                }
                warnings.add(name + " left out: " + failure.getMessage());
                continue;
            }
            if (value[0] != null) {
                VR vr = ElementDictionary.standard().vrOf(tag);
                metadata.attributes().setBytes(tag, vr == null || vr == VR.UN ? VR.OW : vr, value[0]);
            }
        }
        return warnings;
    }

    /** Red, green and blue palette data, plain or segmented, and the LUT data an image is shown through. */
    private static boolean isPaletteOrLut(int tag) {
        return (tag >= Tag.RedPaletteColorLookupTableData && tag <= Tag.BluePaletteColorLookupTableData)
                || (tag >= Tag.SegmentedRedPaletteColorLookupTableData
                && tag <= Tag.SegmentedBluePaletteColorLookupTableData)
                || tag == Tag.LUTData;
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && String.valueOf(a.getScheme()).equalsIgnoreCase(b.getScheme());
    }

    private List<JsonDataSet> readJson(URI uri) throws RemoteException {
        HttpResponse<InputStream> response = http.get(uri, DICOM_JSON);
        try (InputStream body = response.body()) {
            if (response.statusCode() == 204) {
                return List.of();
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.isEmpty() && !MediaType.parse(type).type().contains("json")) {
                throw new RemoteException(RemoteException.Reason.MALFORMED, "the archive answered " + uri.getPath()
                        + " with " + MediaType.parse(type).type() + " instead of DICOM JSON");
            }
            return DicomJsonReader.readArray(body, jsonLimits);
        } catch (IOException e) {
            throw new RemoteException(RemoteException.Reason.UNREACHABLE, "lost the connection to the archive while"
                    + " reading " + uri.getPath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The frames of an instance whose header is {@code metadata}: negotiates the transfer syntax with the archive
     * (asking for the instance's own first) and fetches the first frame while doing so. When the archive can only
     * send frames it decompressed itself, {@code metadata}'s colour model is brought in line with them.
     */
    public RemoteFrames frames(InstanceRef ref, Attributes metadata) throws RemoteException {
        return RemoteFrames.open(this, ref, metadata);
    }

    /** GETs frames and hands each part to {@code parts} as it arrives; the multipart body is checked as it goes. */
    void getMultipart(URI uri, String accept, long maxPartBytes, PartHandler parts) throws RemoteException {
        HttpResponse<InputStream> response = http.get(uri, accept);
        readParts(uri, response, maxPartBytes, parts);
    }

    /** As {@link #getMultipart}, but a 400 or 406 (the media type is not offered) gives empty. */
    Optional<Boolean> tryGetMultipart(URI uri, String accept, long maxPartBytes, PartHandler parts)
            throws RemoteException {
        HttpResponse<InputStream> response = http.get(uri, accept, 400, 406, 415);
        if (response.statusCode() / 100 != 2) {
            try {
                response.body().close();
            } catch (IOException e) {
                // the connection is given up either way
            }
            return Optional.empty();
        }
        readParts(uri, response, maxPartBytes, parts);
        return Optional.of(true);
    }

    /** Receives the parts of a multipart answer one by one. */
    interface PartHandler {
        void part(MultipartReader.Part part, MediaType type) throws IOException, RemoteException;
    }

    private void readParts(URI uri, HttpResponse<InputStream> response, long maxPartBytes, PartHandler parts)
            throws RemoteException {
        try (InputStream body = response.body()) {
            MediaType type = MediaType.parse(response.headers().firstValue("Content-Type").orElse(""));
            MultipartReader reader = new MultipartReader(body, MultipartReader.boundaryOf(type), maxPartBytes);
            Optional<MultipartReader.Part> part;
            while ((part = reader.next()).isPresent()) {
                MultipartReader.Part p = part.get();
                String partType = p.header("Content-Type").orElse(type.parameter("type").orElse(""));
                parts.part(p, MediaType.parse(partType));
            }
        } catch (MultipartException e) {
            throw new RemoteException(RemoteException.Reason.MALFORMED, "the archive sent a malformed multipart"
                    + " answer for " + uri.getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedIOException e) {
            throw new RemoteException(RemoteException.Reason.TIMEOUT, "gave up reading " + uri.getPath() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new RemoteException(RemoteException.Reason.UNREACHABLE, "lost the connection to the archive while"
                    + " reading " + uri.getPath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the instances of a study, series or instance as Part 10 files in {@code folder}, each named by its SOP
     * Instance UID. Each is written to a temporary file first and moved into place once complete, so a folder never
     * holds half an instance. Reports each file to {@code saved} as it lands; returns them all.
     */
    public List<Path> retrieve(InstanceRef ref, Path folder, Consumer<Path> saved) throws RemoteException {
        URI uri = connection().resolve(ref.path());
        List<Path> written = new ArrayList<>();
        getMultipart(uri, "multipart/related; type=\"application/dicom\"; transfer-syntax=*", MAX_INSTANCE_BYTES,
                (part, type) -> {
                    if (!type.type().equals("application/dicom")) {
                        throw new RemoteException(RemoteException.Reason.MALFORMED, "part " + part.number()
                                + " of the archive's answer is " + type.type() + ", not a DICOM instance");
                    }
                    // Created only once there is something to save, so a failed request leaves no empty folder.
                    createFolder(folder);
                    Path file = save(part, folder);
                    written.add(file);
                    saved.accept(file);
                });
        if (written.isEmpty()) {
            throw new RemoteException(RemoteException.Reason.NOT_FOUND, "the archive sent no instance for " + ref);
        }
        return List.copyOf(written);
    }

    private static void createFolder(Path folder) throws RemoteException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new RemoteException(RemoteException.Reason.REFUSED_REQUEST, "cannot create the folder " + folder
                    + ": " + e.getMessage(), e);
        }
    }

    private static Path save(MultipartReader.Part part, Path folder) throws IOException, RemoteException {
        Path temp = Files.createTempFile(folder, ".incoming-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                part.body().transferTo(out);
            }
            String uid = sopInstanceUid(temp, part.number());
            Path target = folder.resolve(uid + ".dcm");
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String sopInstanceUid(Path file, int partNumber) throws RemoteException {
        String uid;
        try (DicomFile dicom = DicomFile.open(file)) {
            uid = dicom.dataset().getString(Tag.SOPInstanceUID);
            if (uid == null) {
                uid = dicom.fileMeta().getString(Tag.MediaStorageSOPInstanceUID);
            }
        } catch (IOException e) {
            throw new RemoteException(RemoteException.Reason.MALFORMED, "part " + partNumber + " of the archive's"
                    + " answer is not a readable DICOM file: " + e.getMessage(), e);
        }
        if (uid == null || uid.length() > 64 || !UID.matcher(uid).matches()) {
            throw new RemoteException(RemoteException.Reason.MALFORMED, "part " + partNumber + " of the archive's"
                    + " answer has no usable SOP Instance UID" + (uid == null ? "" : " ('" + uid + "')"));
        }
        return uid;
    }
}

package org.sonocine.dicom;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a data set and its pixel data are encoded (PS3.5 section 10 and Annex A). Known syntaxes are constants;
 * an unknown UID is treated as PS3.5 asks of future compressed syntaxes: explicit VR little endian with
 * encapsulated pixel data.
 */
public record TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated,
                             boolean encapsulated, Compression compression) {

    /** The family of pixel-data encoding, which decides the decoder. */
    public enum Compression {
        NONE, RLE, DEFLATED_FRAMES, JPEG_BASELINE, JPEG_EXTENDED, JPEG_LOSSLESS, JPEG_LS, JPEG_2000, HTJ2K, JPEG_XL, MPEG2, MPEG4,
        HEVC, UNKNOWN
    }

    private static final Map<String, TransferSyntax> KNOWN = new ConcurrentHashMap<>();

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            register("1.2.840.10008.1.2", false, false, false, false, Compression.NONE);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            register("1.2.840.10008.1.2.1", true, false, false, false, Compression.NONE);
    public static final TransferSyntax ENCAPSULATED_UNCOMPRESSED =
            register("1.2.840.10008.1.2.1.98", true, false, false, true, Compression.NONE);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            register("1.2.840.10008.1.2.1.99", true, false, true, false, Compression.NONE);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            register("1.2.840.10008.1.2.2", true, true, false, false, Compression.NONE);
    public static final TransferSyntax JPEG_BASELINE = encapsulated("1.2.840.10008.1.2.4.50", Compression.JPEG_BASELINE);
    public static final TransferSyntax JPEG_EXTENDED = encapsulated("1.2.840.10008.1.2.4.51", Compression.JPEG_EXTENDED);
    public static final TransferSyntax JPEG_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.57", Compression.JPEG_LOSSLESS);
    public static final TransferSyntax JPEG_LOSSLESS_SV1 =
            encapsulated("1.2.840.10008.1.2.4.70", Compression.JPEG_LOSSLESS);
    public static final TransferSyntax JPEG_LS_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.80", Compression.JPEG_LS);
    public static final TransferSyntax JPEG_LS_NEAR_LOSSLESS =
            encapsulated("1.2.840.10008.1.2.4.81", Compression.JPEG_LS);
    public static final TransferSyntax JPEG_2000_LOSSLESS =
            encapsulated("1.2.840.10008.1.2.4.90", Compression.JPEG_2000);
    public static final TransferSyntax JPEG_2000 = encapsulated("1.2.840.10008.1.2.4.91", Compression.JPEG_2000);
    public static final TransferSyntax RLE_LOSSLESS = encapsulated("1.2.840.10008.1.2.5", Compression.RLE);
    public static final TransferSyntax DEFLATED_IMAGE_FRAMES =
            encapsulated("1.2.840.10008.1.2.8.1", Compression.DEFLATED_FRAMES);

    static {
        // Retired JPEG processes still met in old archives: 52-56 extended/spectral, 58-66 lossless/hierarchical.
        for (int p = 52; p <= 56; p++) {
            encapsulated("1.2.840.10008.1.2.4." + p, Compression.JPEG_EXTENDED);
        }
        for (int p = 58; p <= 66; p++) {
            encapsulated("1.2.840.10008.1.2.4." + p, p == 58 || p >= 65 ? Compression.JPEG_LOSSLESS
                    : Compression.JPEG_EXTENDED);
        }
        for (String p : new String[] {"92", "93"}) {
            encapsulated("1.2.840.10008.1.2.4." + p, Compression.JPEG_2000);
        }
        for (String p : new String[] {"201", "202", "203"}) {
            encapsulated("1.2.840.10008.1.2.4." + p, Compression.HTJ2K);
        }
        for (String p : new String[] {"110", "111", "112"}) {
            encapsulated("1.2.840.10008.1.2.4." + p, Compression.JPEG_XL);
        }
        for (String p : new String[] {"100", "100.1", "101", "101.1"}) {
            encapsulated("1.2.840.10008.1.2.4." + p, Compression.MPEG2);
        }
        for (String p : new String[] {"102", "102.1", "103", "103.1", "104", "104.1", "105", "105.1", "106",
            "106.1"}) {
            encapsulated("1.2.840.10008.1.2.4." + p, Compression.MPEG4);
        }
        for (String p : new String[] {"107", "108"}) {
            encapsulated("1.2.840.10008.1.2.4." + p, Compression.HEVC);
        }
    }

    private static TransferSyntax register(String uid, boolean explicitVR, boolean bigEndian, boolean deflated,
                                           boolean encapsulated, Compression compression) {
        TransferSyntax ts = new TransferSyntax(uid, explicitVR, bigEndian, deflated, encapsulated, compression);
        KNOWN.put(uid, ts);
        return ts;
    }

    private static TransferSyntax encapsulated(String uid, Compression compression) {
        return register(uid, true, false, false, true, compression);
    }

    /** The syntax with this UID; unknown UIDs get explicit VR little endian with encapsulated pixel data. */
    public static TransferSyntax of(String uid) {
        String key = uid == null ? "" : uid.trim();
        TransferSyntax known = KNOWN.get(key);
        return known != null ? known : new TransferSyntax(key, true, false, false, true, Compression.UNKNOWN);
    }

    /** The name PS3.6 gives it, e.g. "JPEG Baseline (Process 1)". */
    public String name() {
        return UidDictionary.nameOf(uid);
    }

    public boolean isLossless() {
        return switch (compression) {
            case NONE, RLE, DEFLATED_FRAMES, JPEG_LOSSLESS -> true;
            case JPEG_LS -> uid.endsWith(".80");
            case JPEG_2000 -> uid.endsWith(".90") || uid.endsWith(".92");
            case HTJ2K -> !uid.endsWith(".203");
            default -> false;
        };
    }
}

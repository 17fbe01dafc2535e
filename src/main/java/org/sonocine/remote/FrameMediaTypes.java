package org.sonocine.remote;

import org.sonocine.dicom.TransferSyntax;

import java.util.Optional;

/**
 * The media types frames travel as in WADO-RS (PS3.18 section 8.7.3): which one to ask for a transfer syntax, and
 * which syntax an answer's part is in when it does not say.
 */
final class FrameMediaTypes {
    static final String NATIVE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

    private FrameMediaTypes() {
    }

    static String mediaTypeOf(TransferSyntax syntax) {
        return switch (syntax.compression()) {
            case RLE -> "image/dicom-rle";
            case JPEG_BASELINE, JPEG_EXTENDED, JPEG_LOSSLESS -> "image/jpeg";
            case JPEG_LS -> "image/jls";
            case JPEG_2000 -> syntax.uid().endsWith(".92") || syntax.uid().endsWith(".93") ? "image/jpx" : "image/jp2";
            case HTJ2K -> "image/jphc";
            case JPEG_XL -> "image/jxl";
            case MPEG2 -> "video/mpeg";
            case MPEG4 -> "video/mp4";
            case HEVC -> "video/H265";
            default -> "application/octet-stream";
        };
    }

    /** The Accept value asking for frames in {@code syntax}. */
    static String acceptFor(TransferSyntax syntax) {
        return "multipart/related; type=\"" + mediaTypeOf(syntax) + "\"; transfer-syntax=" + syntax.uid();
    }

    /** Asks for frames as the archive holds them, whatever their syntax. */
    static String acceptAsStored() {
        return "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";
    }

    /** The syntax a part whose Content-Type names none is in, by its media type; empty for a type frames are not. */
    static Optional<TransferSyntax> defaultSyntaxOf(String mediaType) {
        return Optional.ofNullable(switch (mediaType) {
            case "application/octet-stream" -> TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            case "image/jpeg" -> TransferSyntax.JPEG_BASELINE;
            case "image/jls" -> TransferSyntax.JPEG_LS_LOSSLESS;
            case "image/dicom-rle" -> TransferSyntax.RLE_LOSSLESS;
            case "image/jp2" -> TransferSyntax.JPEG_2000_LOSSLESS;
            default -> null;
        });
    }
}

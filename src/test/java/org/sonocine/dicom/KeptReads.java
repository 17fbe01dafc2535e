package org.sonocine.dicom;

import java.io.IOException;
import java.util.HexFormat;

/**
 * What a read found, as text to compare: how it failed, or its problem, frame count, File Meta, Pixel Data and the
 * top-level elements a {@link KeptElements} keeps. A read keeping only some elements must find what a read keeping
 * all of them finds, in the elements it keeps.
 */
final class KeptReads {
    /** A read of one input with the given options. */
    interface Read {
        DicomFile with(ReadOptions options) throws IOException;
    }

    private KeptReads() {
    }

    /** The outcome of {@code read} with {@code options}, told as far as {@code shown} keeps elements. */
    static String outcome(Read read, ReadOptions options, KeptElements shown) {
        try (DicomFile file = read.with(options)) {
            StringBuilder out = new StringBuilder();
            out.append("problem: ").append(file.problem().map(Throwable::getMessage).orElse("none")).append('\n');
            out.append("frames: ").append(file.numberOfFrames()).append('\n');
            out.append("syntax: ").append(file.transferSyntax().uid()).append('\n');
            describe(out, file.fileMeta(), KeptElements.ALL, "meta ");
            describe(out, file.dataset(), shown, "");
            return out.toString();
        } catch (IOException | RuntimeException e) {
            return "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static void describe(StringBuilder out, Attributes ds, KeptElements shown, String indent) {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            if (!shown.keeps(tag) && tag != Tag.PixelData) {
                continue;
            }
            out.append(indent).append(Tags.toString(tag)).append(' ').append(ds.vrAt(i)).append(' ');
            Object value = ds.valueAt(i);
            if (value instanceof byte[] bytes) {
                out.append(HexFormat.of().formatHex(bytes)).append('\n');
            } else if (value instanceof Sequence sequence) {
                out.append(sequence.size()).append(" items\n");
                for (Attributes item : sequence) {
                    describe(out, item, KeptElements.ALL, indent + "  ");
                }
            } else if (value instanceof Fragments fragments) {
                out.append("fragments");
                for (byte[] fragment : fragments) {
                    out.append(' ').append(HexFormat.of().formatHex(fragment));
                }
                out.append('\n');
            } else if (value instanceof EncapsulatedPixelData e) {
                out.append("encapsulated ").append(e.fragments()).append(' ').append(e.complete()).append(' ')
                        .append(e.scanned()).append('\n');
            } else {
                out.append(value).append('\n');
            }
        }
    }
}

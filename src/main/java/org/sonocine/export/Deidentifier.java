package org.sonocine.export;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.PixelData;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.Tags;
import org.sonocine.dicom.VR;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Applies the Basic Application Level Confidentiality Profile (PS3.15 E.1) to data sets: the attributes of
 * {@link ConfidentialityProfile} removed, emptied, replaced with dummies or given new UIDs, in sequences as at
 * the top level; private elements removed; Patient Identity Removed and the De-identification Method recorded.
 * One de-identifier is used for all the instances of one export, so that the same original UID always becomes the
 * same new one and studies, series and references between instances stay linked.
 */
public final class Deidentifier {
    static final String METHOD = "Basic Application Confidentiality Profile";
    static final String METHOD_CODE = "113100";

    private final Map<String, String> newUids = new HashMap<>();

    /**
     * A de-identified copy of {@code dataset}: elements with values held elsewhere ({@link PixelData}) are left
     * out, for the caller to put decoded pixels in their place; {@code dataset} itself is not changed.
     */
    public Attributes deidentify(Attributes dataset) {
        Attributes out = new Attributes(false, dataset.size());
        copyClean(dataset, out);
        out.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
        out.setString(Tag.DeidentificationMethod, VR.LO, METHOD);
        Attributes code = out.newSequence(Tag.DeidentificationMethodCodeSequence).addItem();
        code.setString(Tag.CodeValue, VR.SH, METHOD_CODE);
        code.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
        code.setString(Tag.CodeMeaning, VR.LO, METHOD);
        return out;
    }

    /** The new UID for {@code original}: a fresh one the first time, the same one after that. */
    public String newUid(String original) {
        return newUids.computeIfAbsent(original, o -> randomUid());
    }

    /** A UID under the 2.25 root made from a random UUID read as one unsigned integer (PS3.5 B.2). */
    static String randomUid() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }

    private void copyClean(Attributes from, Attributes to) {
        copyClean(from, to, false);
    }

    /**
     * Copies {@code from} into {@code to} as the table says; with {@code freeText}, text the table does not name
     * is replaced with dummies too, as in the items of a sequence the table says to replace (Content Sequence:
     * its Text Values are not listed, yet they are what identifies).
     */
    private void copyClean(Attributes from, Attributes to, boolean freeText) {
        for (int i = 0; i < from.size(); i++) {
            int tag = from.tagAt(i);
            VR vr = from.vrAt(i);
            Object value = from.valueAt(i);
            // Group lengths are retired and would no longer add up once attributes are removed.
            if (Tags.isPrivate(tag) || Tags.group(tag) == 2 || Tags.element(tag) == 0 || tag == Tag.PixelData
                    || !(value instanceof byte[] || value instanceof Sequence)) {
                continue;
            }
            ConfidentialityProfile.Action action = ConfidentialityProfile.actionFor(tag);
            if (action == null && freeText && isFreeText(vr)) {
                setDummy(to, tag, vr);
                continue;
            }
            if (action == null) {
                copy(from, i, to, freeText);
                continue;
            }
            switch (action) {
                case REMOVE -> { }
                case EMPTY -> {
                    if (value instanceof Sequence) {
                        to.newSequence(tag);
                    } else {
                        to.set(tag, vr, new byte[0]);
                    }
                }
                case DUMMY -> {
                    if (value instanceof Sequence) {
                        copy(from, i, to, true);
                    } else if (vr == VR.UI) {
                        // A dummy UID still has to be a valid one, and a consistent one keeps references linked.
                        replaceUids(from, tag, to);
                    } else {
                        setDummy(to, tag, vr);
                    }
                }
                case NEW_UID -> replaceUids(from, tag, to);
                case REFERENCES -> copy(from, i, to, freeText);
                default -> throw new IllegalStateException(action.name());
            }
        }
    }

    private void replaceUids(Attributes from, int tag, Attributes to) {
        String[] uids = from.getStrings(tag);
        for (int k = 0; k < uids.length; k++) {
            uids[k] = newUid(uids[k]);
        }
        to.setString(tag, VR.UI, uids);
    }

    private static boolean isFreeText(VR vr) {
        return switch (vr) {
            case PN, LO, SH, LT, ST, UT, UC -> true;
            default -> false;
        };
    }

    /** Copies element {@code i}; a sequence's items are cleaned by the same rules. */
    private void copy(Attributes from, int i, Attributes to, boolean freeText) {
        int tag = from.tagAt(i);
        Object value = from.valueAt(i);
        if (value instanceof Sequence seq) {
            Sequence copied = to.newSequence(tag);
            for (Attributes item : seq) {
                Attributes cleaned = copied.addItem();
                copyClean(item, cleaned, freeText);
            }
        } else if (value instanceof byte[] bytes) {
            // Values are kept in the byte order they were read in; the copy is little endian.
            if (from.bigEndian() && from.vrAt(i).swapUnit() > 1) {
                byte[] swapped = bytes.clone();
                org.sonocine.dicom.Bytes.swap(swapped, 0, swapped.length, from.vrAt(i).swapUnit());
                to.set(tag, from.vrAt(i), swapped);
            } else {
                to.set(tag, from.vrAt(i), bytes.clone());
            }
        }
    }

    private static void setDummy(Attributes to, int tag, VR vr) {
        switch (vr) {
            case DA -> to.setString(tag, vr, "19000101");
            case TM -> to.setString(tag, vr, "000000");
            case DT -> to.setString(tag, vr, "19000101000000");
            case AS -> to.setString(tag, vr, "000D");
            case IS, DS -> to.setString(tag, vr, "0");
            case PN, LO, SH, CS, LT, ST, UT, UC, AE -> to.setString(tag, vr, "ANONYMOUS");
            case US, SS -> to.setInt(tag, vr, 0);
            case UL, SL, FL -> to.setInt(tag, vr, 0);
            case FD -> to.setDouble(tag, vr, 0);
            default -> to.set(tag, vr, new byte[2]);
        }
    }
}

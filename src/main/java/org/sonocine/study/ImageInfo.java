package org.sonocine.study;

import org.sonocine.dicom.Attributes;
import org.sonocine.dicom.DateTimes;
import org.sonocine.dicom.DicomFile;
import org.sonocine.dicom.PersonName;
import org.sonocine.dicom.Sequence;
import org.sonocine.dicom.Tag;
import org.sonocine.dicom.UidDictionary;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The facts a reader of an ultrasound exam wants about one instance: what kind of image it is (ORIGINAL or
 * DERIVED), when and by whom and with which device it was acquired, and what it was derived from.
 */
public record ImageInfo(List<String> imageType, Optional<Temporal> acquisitionDateTime,
                        AcquisitionSource acquisitionSource, List<PersonName> operators,
                        String deviceSerialNumber, String manufacturer, String model, String modality,
                        String sopClassUid, String sopInstanceUid, String transferSyntaxUid, int rows, int columns,
                        int frames, List<ImageReference> sourceImages, String patientName, String patientId,
                        Optional<LocalDate> studyDate, String studyDescription, String seriesDescription,
                        String instanceNumber) {

    /**
     * The attributes the acquisition date and time was read from. Content Date and Time is when the image was
     * made, which for a derived or exported image can be much later than the scan: a reader must be told.
     */
    public enum AcquisitionSource {
        ACQUISITION_DATETIME("Acquisition DateTime"),
        ACQUISITION_DATE_AND_TIME("Acquisition Date and Time"),
        CONTENT_DATE_AND_TIME("Content Date and Time"),
        NONE("");

        private final String attributes;

        AcquisitionSource(String attributes) {
            this.attributes = attributes;
        }

        /** The attributes' names as the standard writes them, e.g. "Content Date and Time". */
        public String attributes() {
            return attributes;
        }

        /** Whether the value is the time of the acquisition itself, not a stand-in for it. */
        public boolean isAcquisition() {
            return this == ACQUISITION_DATETIME || this == ACQUISITION_DATE_AND_TIME;
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH);

    public static ImageInfo of(DicomFile file) {
        Attributes ds = file.dataset();
        String ts = file.fileMeta().getString(Tag.TransferSyntaxUID, file.transferSyntax().uid());
        List<PersonName> operators = new ArrayList<>();
        String rawOperators = ds.getRawString(Tag.OperatorsName);
        if (rawOperators != null && !rawOperators.isBlank()) {
            for (String one : rawOperators.split("\\\\")) {
                PersonName name = PersonName.parse(one);
                if (!name.isEmpty()) {
                    operators.add(name);
                }
            }
        }
        AcquisitionSource source = acquisitionSource(ds);
        return new ImageInfo(List.of(ds.getStrings(Tag.ImageType)), acquisition(ds, source), source,
                List.copyOf(operators),
                ds.getString(Tag.DeviceSerialNumber, ""), ds.getString(Tag.Manufacturer, ""),
                ds.getString(Tag.ManufacturerModelName, ""), ds.getString(Tag.Modality, ""),
                ds.getString(Tag.SOPClassUID, file.fileMeta().getString(Tag.MediaStorageSOPClassUID, "")),
                ds.getString(Tag.SOPInstanceUID, ""), ts, ds.getInt(Tag.Rows, 0) & 0xFFFF,
                ds.getInt(Tag.Columns, 0) & 0xFFFF, file.numberOfFrames(), sources(ds),
                ds.getPersonName(Tag.PatientName).map(PersonName::toDisplayString).orElse(""),
                ds.getString(Tag.PatientID, ""), ds.getDate(Tag.StudyDate), ds.getString(Tag.StudyDescription, ""),
                ds.getString(Tag.SeriesDescription, ""), ds.getString(Tag.InstanceNumber, ""));
    }

    /** Acquisition DateTime, else Acquisition Date (and Time), else Content Date (and Time). */
    private static AcquisitionSource acquisitionSource(Attributes ds) {
        if (ds.getDateTime(Tag.AcquisitionDateTime).isPresent()) {
            return AcquisitionSource.ACQUISITION_DATETIME;
        }
        if (ds.getDate(Tag.AcquisitionDate).isPresent()) {
            return AcquisitionSource.ACQUISITION_DATE_AND_TIME;
        }
        if (ds.getDate(Tag.ContentDate).isPresent()) {
            return AcquisitionSource.CONTENT_DATE_AND_TIME;
        }
        return AcquisitionSource.NONE;
    }

    /** The value of {@code source}, with the offset of Timezone Offset From UTC when it does not name its own. */
    private static Optional<Temporal> acquisition(Attributes ds, AcquisitionSource source) {
        Optional<Temporal> value = switch (source) {
            case ACQUISITION_DATETIME -> ds.getDateTime(Tag.AcquisitionDateTime);
            case ACQUISITION_DATE_AND_TIME -> combine(ds, Tag.AcquisitionDate, Tag.AcquisitionTime);
            case CONTENT_DATE_AND_TIME -> combine(ds, Tag.ContentDate, Tag.ContentTime);
            case NONE -> Optional.empty();
        };
        Optional<ZoneOffset> zone = DateTimes.parseOffset(ds.getString(Tag.TimezoneOffsetFromUTC));
        if (value.isPresent() && value.get() instanceof LocalDateTime local && zone.isPresent()) {
            return Optional.of(OffsetDateTime.of(local, zone.get()));
        }
        return value;
    }

    private static Optional<Temporal> combine(Attributes ds, int dateTag, int timeTag) {
        Optional<LocalDate> date = ds.getDate(dateTag);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalTime> time = ds.getTime(timeTag);
        return Optional.of(time.isPresent() ? LocalDateTime.of(date.get(), time.get()) : date.get());
    }

    private static List<ImageReference> sources(Attributes ds) {
        List<ImageReference> refs = new ArrayList<>();
        Sequence seq = ds.getSequence(Tag.SourceImageSequence);
        if (seq != null) {
            for (Attributes item : seq) {
                Sequence purpose = item.getSequence(Tag.PurposeOfReferenceCodeSequence);
                String meaning = purpose != null && !purpose.isEmpty()
                        ? purpose.get(0).getString(Tag.CodeMeaning, "") : "";
                refs.add(new ImageReference(item.getString(Tag.ReferencedSOPClassUID, ""),
                        item.getString(Tag.ReferencedSOPInstanceUID, ""), meaning));
            }
        }
        return List.copyOf(refs);
    }

    /** ORIGINAL (acquired) or DERIVED (computed from other images), the first value of Image Type. */
    public String pixelDataCharacteristics() {
        return imageType.isEmpty() ? "" : imageType.get(0).trim();
    }

    public boolean isDerived() {
        return "DERIVED".equals(pixelDataCharacteristics());
    }

    public boolean isOriginal() {
        return "ORIGINAL".equals(pixelDataCharacteristics());
    }

    /** Image Type as the standard writes it, values joined by '\'. */
    public String imageTypeText() {
        return String.join("\\", imageType);
    }

    public String sopClassName() {
        return UidDictionary.nameOf(sopClassUid);
    }

    public String transferSyntaxName() {
        return UidDictionary.nameOf(transferSyntaxUid);
    }

    /** e.g. "30 Jul 2013 08:36:14", "30 Jul 2013 08:36:14 UTC+02:00", or just the day; empty when unknown. */
    public String acquisitionText() {
        if (acquisitionDateTime.isEmpty()) {
            return "";
        }
        Temporal t = acquisitionDateTime.get();
        if (t instanceof LocalDate day) {
            return DAY.format(day);
        }
        if (t instanceof OffsetDateTime odt) {
            return READABLE.format(odt) + " UTC" + (odt.getOffset().equals(ZoneOffset.UTC) ? "" : odt.getOffset());
        }
        return READABLE.format(t);
    }

    public String operatorsText() {
        return String.join("; ", operators.stream().map(PersonName::toDisplayString).toList());
    }

    @Override
    public String toString() {
        return "ImageInfo[" + sopInstanceUid + ", " + Arrays.toString(imageType.toArray()) + "]";
    }
}

package org.sonocine.remote;

import java.util.regex.Pattern;

/**
 * A study, a series in it, or an instance in that: the UIDs a WADO-RS path is made of. Null series (and
 * instance) for a whole study. UIDs are checked (digits and dots, at most 64 characters), so none can change the
 * path it is put into.
 */
public record InstanceRef(String study, String series, String instance) {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    public InstanceRef {
        check(study, "study");
        if (series != null) {
            check(series, "series");
        } else if (instance != null) {
            throw new IllegalArgumentException("an instance needs its series");
        }
        if (instance != null) {
            check(instance, "instance");
        }
    }

    private static void check(String uid, String what) {
        if (uid == null || uid.length() > 64 || !UID.matcher(uid).matches()) {
            throw new IllegalArgumentException("not a " + what + " UID: '" + uid + "'");
        }
    }

    public static InstanceRef study(String study) {
        return new InstanceRef(study, null, null);
    }

    public static InstanceRef series(String study, String series) {
        return new InstanceRef(study, series, null);
    }

    public static InstanceRef instance(String study, String series, String instance) {
        return new InstanceRef(study, series, instance);
    }

    /** Parses {@code STUDY[/SERIES[/INSTANCE]]}, as a user types it. */
    public static InstanceRef parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("expected STUDY[/SERIES[/INSTANCE]] UIDs, found " + parts.length
                    + " parts in '" + text + "'");
        }
        return new InstanceRef(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null);
    }

    public boolean isInstance() {
        return instance != null;
    }

    /** The WADO-RS path below the base: {@code /studies/S[/series/SE[/instances/I]]}. */
    String path() {
        StringBuilder b = new StringBuilder("/studies/").append(study);
        if (series != null) {
            b.append("/series/").append(series);
        }
        if (instance != null) {
            b.append("/instances/").append(instance);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return series == null ? study : instance == null ? study + "/" + series : study + "/" + series + "/" + instance;
    }
}

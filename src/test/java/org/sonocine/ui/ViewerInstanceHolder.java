package org.sonocine.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * Stands for a viewer in a process of its own: becomes the running viewer, says so as soon as its start returns
 * (while its listener may still be starting), prints the paths each later launch hands it, and runs until its input
 * ends.
 */
public final class ViewerInstanceHolder {
    private ViewerInstanceHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (SingleInstance instance = SingleInstance.start(Path.of(args[0]), List.of(), paths -> {
            System.out.println("received " + paths);
            System.out.flush();
            return true;
        })) {
            System.out.println(instance.forwarded() ? "forwarded" : "started");
            System.out.flush();
            System.in.read();
        }
    }
}

/**
 * How the viewer's view models run work in the background: they hand a {@link org.sonocine.ui.task.BackgroundTask}
 * to an injected {@link org.sonocine.ui.task.TaskExecutor} on one of its {@link org.sonocine.ui.task.Lane}s and
 * receive the result on the UI thread. The JavaFX implementation posts to the JavaFX thread; a same-thread one
 * lets view models be tested without a toolkit. Depends on nothing else of the viewer.
 */
package org.sonocine.ui.task;

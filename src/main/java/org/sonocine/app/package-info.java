/**
 * Process start-up below the views: the JVM the viewer runs in. Depends on nothing else of Sonocine and on no
 * JavaFX type, so that it can run before the toolkit is loaded.
 */
package org.sonocine.app;

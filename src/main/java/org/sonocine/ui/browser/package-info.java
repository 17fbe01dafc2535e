/**
 * The exam browser: the patients, studies and series found, the thumbnails of the chosen one, and the files that
 * could not be read. {@link org.sonocine.ui.browser.BrowserViewModel} holds what it shows without a toolkit;
 * {@link org.sonocine.ui.browser.BrowserPane} draws it. Takes what it needs (the instances found, a way to open a
 * file) from whoever builds it, so it does not depend on the main window's package.
 */
package org.sonocine.ui.browser;

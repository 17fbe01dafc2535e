/**
 * Reading from an archive over DICOMweb: the archives the user set up, searching one and listing what it holds in
 * the same browser as local folders, and opening its images through the local cache.
 * {@link org.sonocine.ui.remote.ArchiveViewModel} works without a toolkit; it hands what it finds and how to open
 * it to whoever builds it, so it does not depend on the main window's package.
 */
package org.sonocine.ui.remote;

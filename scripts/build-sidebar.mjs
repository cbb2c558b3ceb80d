// Builds sidebar/ into one self-contained dist/Sidebar.html. (Owned by the sidebar work; called by build.mjs.)
export async function buildSidebar(/* outDir */) {
  // Not yet written: the sidebar issue fills this in.
}

"""The user's reading state: read marks, positions, bookmarks, session; export and import.

The only data that is the user's own (everything else can be rebuilt from the
files). Imports the library and settings only; no Textual.

Its modules:

- `import_file`: An exported state file, read and checked before anything of it is
  merged.
- `exporting`: Turn an export of reading state into a Markdown list people can read.
- `keeper`: What the interface changes, written to the store in order, off the UI
  thread.
- `merge`: Merging an exported state file into the store: the newer side wins, nothing
  is lost.
- `model`: The values reading state is made of: plain frozen data, safe to share between
  threads.
- `schema`: The state file on disk: opening it, checking it is reader's, migrating its
  schema.
- `session`: Every article's reading state as this window knows it, and every change
  made to it.
- `store`: Reading state that must never be lost: read marks, positions, bookmarks,
  session.
- `writer`: Store writes off the UI thread, one after another, never dropped silently.
"""

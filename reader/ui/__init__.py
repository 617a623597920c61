"""The terminal interface: the app, its screens and widgets, commands, keys and messages.

The top of the house but for the command line. It may import every layer below
(index, state, markdown, library, settings); nothing below imports it or Textual.
Inside it, widgets get their data from the screen or the app and talk back
through messages: they never import the store, the index or the config.

Its modules:

- `app`: The Textual application: owns the services and the state that changes.
- `arrivals`: What the web brings while reading goes on: pages of a feed or of an
  imported list.
- `commands`: The command palette: every action by name (with its key), every filter,
  then articles.
- `feed_editor`: What the feeds pane asks for, done for the app: the feeds read, added,
  renamed, removed, reloaded and marked read, and the saved searches kept.
- `feed_fetcher`: Feeds in the interface: fetched when it is time, all now with `f`, or
  some from the feeds pane.
- `folder_watcher`: New, changed and deleted articles appear without `r`: the library
  folders are watched.
- `keys`: Key bindings whose descriptions come from the string catalogue.
- `library_update`: Bringing the app's library up to date, on a worker thread: cache,
  disk, then index.
- `list_importer`: Importing a reading list from the interface (command palette), while
  reading goes on.
- `messages`: App-wide messages, posted by workers to the app.
- `note_editor`: `e`: the article's file in the user's own editor, the interface given
  back on return.
- `panes/`: The main screen's parts: its left column, and what it hands its panes'
  work to.
- `page_adder`: `a` in the interface: ask for an address, then fetch and keep the page
  in the background.
- `reading_tracker`: How reading changes state: what counts as read, where reading
  stopped, bookmarks, notes.
- `screens`/: reader's screens: the main three-pane screen, help and dialogs.
- `widgets`/: reader's widgets: one module each. They receive data and post messages;
  they never touch disk.
"""

"""reader's screens: the main three-pane screen, help and dialogs.

Its modules:

- `confirm`: A yes/no question, for anything that leaves reader (opening a link in a
  browser).
- `help`: The help screen, generated from the bindings themselves so it cannot drift.
- `main`: The main screen: article list, reading pane and sources sidebar.
- `outline`: The outline of the open article: its headings; choosing one goes there.
- `problems`: The content problems, in the interface: each file that did not load, or
  loaded with something assumed, with its line and the reason.
- `prompts`: Small dialogs that ask for text: a bookmark's note (several lines), a
  page's address, a reading list's file (one line each).
"""

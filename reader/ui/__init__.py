"""The terminal interface: the app, its screens and widgets, commands, keys and messages.

The top of the house but for the command line. It may import every layer below
(index, state, markdown, library, settings); nothing below imports it or Textual.
Inside it, widgets get their data from the screen or the app and talk back
through messages: they never import the store, the index or the config.
"""

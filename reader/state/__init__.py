"""The user's reading state: read marks, positions, bookmarks, session; export and import.

The only data that is the user's own (everything else can be rebuilt from the
files). Imports the library and settings only; no Textual.
"""

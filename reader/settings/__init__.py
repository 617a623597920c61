"""What every layer may need: paths and settings, the config file, the interface's words.

The bottom of the house: `config` (data, cache and content folders, typed
Settings), `config_file` (the user's YAML), `i18n` and `strings` (every word in
English and French), `resources` (where the bundled content and styles live).
It imports nothing else of reader, and no Textual.
"""

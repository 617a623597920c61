"""What every layer may need: paths and settings, the config file, the interface's words.

The bottom of the house: it imports nothing else of reader, and no Textual.

Its modules:

- `config`: Where reader keeps per-user files, and the settings one run works with.
- `config_file`: The user's YAML config file: defaults they choose once (theme, width,
  folders, keys).
- `config_keys`: Every key the config file takes, in one table: how it is read, its
  default, its words.
- `editor`: The user's own editor, for the config file (`reader config edit`) and notes
  (`e`, `reader edit`): `$VISUAL`, else `$EDITOR`, else vi, as git and crontab choose.
- `errors`: The one root of reader's errors: something went wrong that a person is told
  about.
- `hide_rules`: Rules that hide feed items as they arrive: the config file's `hide:`
  list.
- `i18n`: The interface's words in the reader's language: lookup, plurals and deferred
  messages.
- `keymap`: Checking the `keys:` of a config file before the interface is built from
  them.
- `resources`: The one place that knows where the bundled `content/` and `styles/`
  folders live.
- `strings`: Every string reader shows, in English and in French: the one catalogue.
- `untrusted`: Reading what comes from outside without trusting it: files, YAML, names.
"""

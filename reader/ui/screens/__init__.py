"""reader's screens: the main three-pane screen, help and dialogs."""

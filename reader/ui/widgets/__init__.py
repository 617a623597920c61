"""reader's widgets: one module each. They receive data and post messages; they never touch disk."""

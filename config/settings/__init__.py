"""Settings: `base` for development and the demo, `test` for the suite, `production` for servers."""

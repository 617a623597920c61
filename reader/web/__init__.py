"""Pages from the web: fetched with limits, their main text extracted, saved as articles.

Everything that comes from the network is untrusted: only http and https,
bounded in time and size, and cleaned like any file before it is written or
shown. httpx and trafilatura load only when a page is fetched. Imports the
library and settings only; no Textual.
"""

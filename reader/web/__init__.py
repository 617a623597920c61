"""Pages from the web: fetched with limits, their main text extracted, saved as articles.

Everything that comes from the network is untrusted: only http and https,
bounded in time and size, and cleaned like any file before it is written or
shown. httpx and trafilatura load only when a page is fetched. Imports the
library and settings only; no Textual.

Its modules:

- `adding`: Adding a page: fetched (or read), its main text extracted, saved. For
  `reader add` and `a`.
- `extract`: A web page's main text, as Markdown with its links, and what it says about
  itself.
- `feed_check`: A feed checked before it is followed: fetched once, found from a page that
  advertises it.
- `feed_fetch`: Fetching feeds: each new item becomes an article of the user's library.
- `feed_homes`: Moving feed items into their feed's home (the layout before homes filed
  them by title).
- `feed_list`: The feeds the user follows: `feeds.json` in the data directory, and OPML
  in and out.
- `feed_run`: One fetch of every followed feed, for `reader fetch` and `f` alike.
- `fetch`: Fetching one web page, within limits: the only code that talks to the
  network.
- `list_entries`: One entry of a reading list, made from what an export says, and
  trusted no further.
- `list_formats`: The formats of the reading lists other services export, each read into
  entries.
- `list_import`: Bringing a reading list in: each entry an article of the user's
  library.
- `page_meta`: What a page says about itself, in order of trust: its title, its date,
  its author, its site.
- `reading_lists`: Reading lists exported from other services, read into one shape.
- `saved`: Saved pages: ordinary Markdown articles in the user's own library folder.
"""

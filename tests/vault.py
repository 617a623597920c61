"""A notes folder as Obsidian, Jekyll and Hugo users have them, written by the tests."""

from __future__ import annotations

from pathlib import Path

IDEAS = """\
---
aliases: [Brainstorm]
created: 2026-02-03
updated: 2026-03-04
tags: [planning]
---
# Project ideas

Before text ![pic](x.png) after text. See [[Reading list]], [[Reading list#Books|the books]]
and [[Nowhere note]]. Jump to [[#Second part]]. A fact[^1] and another[^long]. #idea
#nested/tag but not #1.

- [ ] write the plan
- [x] pick a name ==important==

> [!tip]- Folded tip
> Shown open.

Term
: Its definition.

Bare link https://example.org/page here.

```python
def function(argument_one, argument_two, argument_three, argument_four, argument_five):
    return some_function_call(argument_one, argument_two)  # [[not a link]] #notatag
```

{% highlight ruby %}
def hello; puts "hi"; end
{% endhighlight %}

Hugo says {{< new-in 0.160.0 >}} mid-sentence, {{% note %}}inner text{{% /note %}} too.
{% include footer.html %}

![[Reading list#Books]]

![[diagram.png]]

## Second part

Text of the second part.

[^1]: The first note.
[^long]: A longer note
    with a second line.
"""

READING_LIST = (
    "# Reading list\n\n"
    + "\n\n".join(f"Intro paragraph {n}." for n in range(40))
    + """

## Books

- A book about alliances.

## Films

- No film yet.

## Later

"""
    + "\n\n".join(f"Later paragraph {n}." for n in range(40))
)

JEKYLL_POST = """\
---
layout: post
---
Links to [[Brainstorm]] by its alias, and to [the list](../Reading%20list.md).
"""

HUGO_PAGE = """\
---
title: Hugo page
lastmod: 2026-05-06
---
The {{< param "version" >}} release {{< new-in 0.160.0 >}} adds things. See [[Project ideas]].
"""


def build_vault(root: Path) -> Path:
    """Write the vault under `root`; returns its folder."""
    vault = root / "vault"
    (vault / "_posts").mkdir(parents=True)
    (vault / "docs").mkdir()
    (vault / "Project ideas.md").write_text(IDEAS, encoding="utf-8")
    (vault / "Reading list.md").write_text(READING_LIST, encoding="utf-8")
    (vault / "_posts" / "2026-01-05-welcome-to-jekyll.md").write_text(JEKYLL_POST, encoding="utf-8")
    (vault / "docs" / "hugo.md").write_text(HUGO_PAGE, encoding="utf-8")
    return vault

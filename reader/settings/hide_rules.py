"""Rules that hide feed items as they arrive: the config file's `hide:` list.

A rule is one line, as a newsboat user writes a killfile entry, in words:

    title contains "Sponsored"
    Harbour Talk: title starts with "Trailer"
    link matches "/video/"

`FIELD TEST "VALUE"`, optionally after a feed's name, title or address and a
colon (the rule is then that feed's alone). Fields: `title`, `author`, `link`,
`text`; tests: `contains`, `is`, `starts with` (all ignoring case) and
`matches` (a regular expression). An item a rule hides is never saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reader.settings.errors import ReaderError
from reader.settings.i18n import Msg

Field = Literal["title", "author", "link", "text"]
Test = Literal["contains", "is", "starts with", "matches"]
MAX_RULE = 300
_RULE = re.compile(
    r'^(?:(?P<feed>[^"]+?)\s*:\s+)?(?P<field>title|author|link|text)\s+'
    r'(?P<test>contains|is|starts with|matches)\s+"(?P<value>.+)"\s*$',
    re.IGNORECASE,
)


class BadRule(ReaderError):
    """A line that is no rule; `reason` says why, for the config file's problems."""

    reason: Msg


@dataclass(frozen=True)
class HideRule:
    """One `hide:` line, read."""

    text: str
    """As the user wrote it (shown by `feeds list`)."""
    field: Field
    test: Test
    value: str
    feed: str | None = None
    """The feed it is for (a name, title or address, any case); None: every feed."""

    def applies_to(self, *names: str | None) -> bool:
        """Whether the rule is for the feed known by these names (its name, title, address)."""
        if self.feed is None:
            return True
        wanted = self.feed.casefold()
        return any(name and name.casefold() == wanted for name in names)

    def hides(self, fields: dict[Field, str]) -> bool:
        """Whether an item with these fields (its title, author, link, text) is hidden."""
        seen = fields.get(self.field) or ""
        if self.test == "matches":
            return re.search(self.value, seen) is not None
        seen, value = seen.casefold(), self.value.casefold()
        if self.test == "is":
            return seen.strip() == value
        if self.test == "starts with":
            return seen.startswith(value)
        return value in seen


def read_rule(text: str) -> HideRule:
    """A `hide:` line as a rule; `BadRule` says why it is none."""
    if len(text) > MAX_RULE:
        raise BadRule(Msg.of("config.rule_long", limit=MAX_RULE))
    found = _RULE.match(text.strip())
    if not found:
        raise BadRule(Msg.of("config.rule_shape", rule=text.strip()))
    test = found["test"].lower()
    if test == "matches":
        try:
            re.compile(found["value"])
        except re.error as error:
            raise BadRule(Msg.of("config.rule_pattern", reason=str(error))) from None
    return HideRule(
        text.strip(),
        found["field"].lower(),  # type: ignore[arg-type]  # one of the four, by the pattern
        test,  # type: ignore[arg-type]
        found["value"],
        found["feed"].strip() if found["feed"] else None,
    )

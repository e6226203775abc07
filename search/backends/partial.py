"""Partial matches, and matches completed by the weaker fields of a document.

The search page first looks for the documents whose text holds every word of the query.
When they do not fill its first page (``WIDEN_BELOW``) and the query has two tokens or more,
it searches again with a ``WidenedText`` query (``should_widen``), which finds:

- first, the documents that hold every word ("full matches"), in their text or in the weaker
  fields: the titles of their column and of the columns above, their unit (发布机构: name or
  short name) and their topic (主题分类, or the topic above); 财政预算 finds the budget
  documents of the column 财政资金 that say 预算;
- then, when those still do not fill a page (``lists_partial``), the partial matches: every
  other document holding at least one word, so that a citizen who typed one word too many
  still sees the near matches. The search page says where they begin (or, when there is no
  full match, that no result holds every word). A query with a page of full matches or more
  lists only those, as before.

Ranked by how many of the query's words a document holds (a word searched by several
tokens, 人民政府 → 人民 民政 政府, counts by the share of its tokens found); then by how
many of them are in its own text rather than only in a weaker field; then by the text score
(bm25, ts_rank or Elasticsearch's), or, sorted by date, by date.

The weaker fields are matched when searching, from the names (a few hundred rows), and are
not stored in the index: renaming a column, a unit or a topic needs no reindexing, and the
Elasticsearch mapping is unchanged. A weaker field completes a document's match; it does not
find a document alone (a candidate holds at least one query word in its text).

Cost on the database (``DatabaseWidening``), paid only by queries with fewer than
``WIDEN_BELOW`` complete text matches: per token one query cut at ``BROAD`` rows, so a broad
token (年, 通知) does not bring its tens of thousands of documents; it is looked up among the
candidates the other tokens found (one query each). Then one query keeps the candidates the
search allows, in its order, three small queries read the names, and one the units and
topics of the candidates. At most ``PARTIAL_LIMIT`` partial matches are kept, so the count,
the facets and the pages stay small. The count and the facets count what is listed: the full
and the partial matches alike.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from modelsearch import query as search_query

from . import segment

# Partial matches are looked for when the documents with every word leave part of the
# first page of results empty.
WIDEN_BELOW = 20
# Partial matches kept after the documents with every word.
PARTIAL_LIMIT = 500
# A token found in more documents than this only counts among the other tokens' matches.
BROAD = 5_000


class WidenedText(search_query.PlainText):
    """A plain-text query answered with the weaker fields and partial matches too (see the
    module docstring). ``words``: the query's words, each with its tokens
    (``segment.query_words``), kept when the backend segments ``query_string``."""

    def __init__(
        self,
        query_string: str,
        words: list[tuple[str, list[str]]] | None = None,
        typed: list[list[str]] | None = None,
    ):
        super().__init__(query_string, operator="or")
        self.words = words if words is not None else segment.query_words(query_string)
        self.typed = typed if typed is not None else typed_terms(query_string)

    def tokens(self) -> list[str]:
        return list(dict.fromkeys(token for _, tokens in self.words for token in tokens))

    def terms(self) -> list[str]:
        """Tokens and words: a weaker field may hold a word (住建局) but not its tokens."""
        return list(dict.fromkeys([*self.tokens(), *(word for word, _ in self.words)]))


def typed_terms(query: str) -> list[list[str]]:
    """The tokens of each term as the citizen typed it, between spaces. A partial match
    holds one of these whole in its text: 最低生活保障 is 最低 / 生活 / 保障 to the
    segmenter, and a text with 生活 alone (or only 的 of 不存在的词语) answers nothing."""
    terms = [
        list(dict.fromkeys(token for _, group in segment.query_words(term) for token in group))
        for term in query.split()
    ]
    return [tokens for tokens in terms if tokens]


def should_widen(query: str, all_words_count: int) -> bool:
    """Whether a ``WidenedText`` search can find more than the ``all_words_count``
    documents whose text holds every word: documents completed by a weaker field (a word
    is in a column, unit or topic name), and partial matches after them."""
    if all_words_count >= WIDEN_BELOW:  # most searches: nothing more to do
        return False
    words = segment.query_words(query)
    return len({token for _, group in words for token in group}) >= 2


def lists_partial(all_words: int) -> bool:
    """Whether partial matches follow the ``all_words`` full matches of a widened search:
    when these do not fill the first page of results."""
    return all_words < WIDEN_BELOW


@dataclass(frozen=True)
class Context:
    """Where a token is found in the weaker fields: column paths, unit and topic pks."""

    column_paths: tuple[str, ...] = ()
    units: frozenset = frozenset()
    topics: frozenset = frozenset()

    def __bool__(self) -> bool:
        return bool(self.column_paths or self.units or self.topics)

    def holds(self, path: str, unit: Any, topic: Any) -> bool:
        return unit in self.units or topic in self.topics or path.startswith(self.column_paths)


def contexts(terms: list[str]) -> dict[str, Context]:
    """For each term, the columns, units and topics whose names hold it."""
    from disclosure.models import DisclosureColumnPage, DisclosureUnit, Topic

    paths: dict[str, list[str]] = defaultdict(list)
    units: dict[str, set] = defaultdict(set)
    topics: dict[str, set] = defaultdict(set)
    for path, title in DisclosureColumnPage.objects.values_list("path", "title"):
        for term in terms:
            if segment.in_name(term, title):
                paths[term].append(path)
    for pk, name, short_name in DisclosureUnit.objects.values_list("pk", "name", "short_name"):
        for term in terms:
            if segment.in_name(term, name) or segment.in_name(term, short_name):
                units[term].add(pk)
    parents = {}
    for pk, name, parent in Topic.objects.values_list("pk", "name", "parent_id"):
        parents[pk] = parent
        for term in terms:
            if segment.in_name(term, name):
                topics[term].add(pk)
    for found in topics.values():  # a parent topic holds its children's documents
        found |= {pk for pk, parent in parents.items() if parent in found}
    return {t: Context(tuple(paths[t]), frozenset(units[t]), frozenset(topics[t])) for t in terms}


@dataclass
class Ranking:
    """Result pks, best first, and how many of them hold every word (the first ones)."""

    pks: list = field(default_factory=list)
    all_words: int = 0


def rank(
    words: list[tuple[str, list[str]]],
    scores: dict[str, dict],
    allowed: list[tuple[Any, str]],
    places: dict[Any, tuple[Any, Any]],
    context: dict[str, Context],
    by_relevance: bool,
    typed: list[list[str]],
) -> Ranking:
    """Ranks the ``allowed`` (pk, path) rows, given in the search's own order.

    ``scores[token]``: the text score of each document whose text holds the token, lower is
    better; ``places[pk]``: a document's (unit, topic); ``context``: for every token and
    word; ``typed``: the tokens of each typed term (``typed_terms``). Ties keep the given
    order.
    """
    tokens = list(dict.fromkeys(t for _, group in words for t in group))
    keyed = []
    for pk, path in allowed:
        unit, topic = places.get(pk, (None, None))
        holds_a_term = any(all(pk in scores.get(t, ()) for t in term) for term in typed)
        if not holds_a_term and not all(
            context[word].holds(path, unit, topic)
            or all(pk in scores[t] or context[t].holds(path, unit, topic) for t in group)
            for word, group in words
        ):
            continue  # a partial match holds a typed term whole in its text
        found = in_text = 0.0
        for word, group in words:
            text = sum(1 for t in group if pk in scores[t])
            if context[word].holds(path, unit, topic):
                held = len(group)
            else:
                held = sum(
                    1 for t in group if pk in scores[t] or context[t].holds(path, unit, topic)
                )
            found += held / len(group)
            in_text += text / len(group)
        score = sum(scores[t][pk] for t in tokens if pk in scores[t]) if by_relevance else 0
        keyed.append(((-found, -in_text, score), pk))
    keyed.sort(key=lambda item: item[0])  # stable: ties keep the search's order
    every = sum(1 for key, _ in keyed if -key[0] >= len(words))
    kept = every + PARTIAL_LIMIT if lists_partial(every) else every
    pks = [pk for _, pk in keyed[:kept]]
    return Ranking(pks=pks, all_words=every)


class DatabaseWidening:
    """Ranks a ``WidenedText`` query on a database backend's query compiler, which gives
    ``token_scores(token, config, limit=None, among=None)`` (pk → score, lower is better)
    and ``pk_filter(pks)`` (an argument of ``QuerySet.filter``)."""

    def is_widened(self) -> bool:
        return isinstance(self.query, WidenedText)

    def widened_ranking(self, config) -> Ranking:
        from disclosure.models import DisclosureDocumentPage

        from .database import fetch_rows

        tokens = self.query.tokens()
        scores, probes = {}, {}
        for token in tokens:
            found = self.token_scores(token, config, limit=BROAD + 1)
            if len(found) > BROAD:
                probes[token] = found
            else:
                scores[token] = found
        candidates = set().union(*scores.values()) or set().union(*probes.values())
        if not candidates:
            return Ranking()
        for token in probes:
            scores[token] = self.token_scores(token, config, among=candidates)
        queryset = self.queryset if self.queryset.ordered else self.queryset.order_by("-pk")
        rows = queryset.filter(self.pk_filter(list(candidates))).values_list("pk", "path")
        allowed = fetch_rows(rows)
        context = contexts(self.query.terms())
        places = {}
        if allowed and any(c.units or c.topics for c in context.values()):
            documents = DisclosureDocumentPage.objects.filter(
                self.pk_filter([pk for pk, _ in allowed])
            )
            rows = documents.order_by().values_list("pk", "unit_id", "topic_id")
            places = {pk: (unit, topic) for pk, unit, topic in fetch_rows(rows)}
        return rank(
            self.query.words,
            scores,
            allowed,
            places,
            context,
            self.order_by_relevance,
            self.query.typed,
        )

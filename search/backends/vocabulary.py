"""Known words of the database index, for typo tolerance and "did you mean"."""

from __future__ import annotations

from django.db.models.functions import Length

from ..analysis import stopwords, tokenize
from ..models import SearchTerm

MAX_WORD_LENGTH = 40


def edit_distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, first_char in enumerate(first, start=1):
        current = [row]
        for column, second_char in enumerate(second, start=1):
            cost = 0 if first_char == second_char else 1
            current.append(
                min(
                    previous[column] + 1,
                    current[column - 1] + 1,
                    previous[column - 1] + cost,
                )
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def allowed_edits(word: str) -> int:
    """Edits tolerated for a word, as Elasticsearch's AUTO fuzziness allows."""
    if len(word) < 3:
        return 0
    return 1 if len(word) <= 5 else 2


class Vocabulary:
    """Look-ups against ``SearchTerm``, cached for one request.

    Candidates share the first letter of the typed word (like a fuzzy query
    with prefix length 1), which keeps each look-up to a small slice of the
    table.
    """

    def __init__(self) -> None:
        self._known: dict[str, bool] = {}

    @staticmethod
    def accepts(word: str) -> bool:
        """Whether a word belongs in the vocabulary: alphabetic, 3-40 letters, not a stopword."""
        return (
            3 <= len(word) <= MAX_WORD_LENGTH
            and word.isalpha()
            and word not in stopwords()
        )

    def is_known(self, word: str) -> bool:
        if word not in self._known:
            self._known[word] = SearchTerm.objects.filter(term=word).exists()
        return self._known[word]

    def candidates(self, word: str, spread: int) -> list[str]:
        return list(
            SearchTerm.objects.annotate(length=Length("term"))
            .filter(
                term__startswith=word[0],
                length__gte=len(word) - spread,
                length__lte=len(word) + spread,
            )
            .values_list("term", flat=True)
        )

    def corrections(self, word: str) -> list[str]:
        """Return up to two known words within the allowed edits of an unknown ``word``."""
        edits = allowed_edits(word)
        if not edits or not self.accepts(word) or self.is_known(word):
            return []
        scored = [
            (edit_distance(word, candidate, edits), candidate)
            for candidate in self.candidates(word, edits)
        ]
        return [
            candidate for distance, candidate in sorted(scored) if distance <= edits
        ][:2]

    def suggest_text(self, text: str) -> str | None:
        """Rewrite ``text`` with each unknown word replaced by its closest known word."""
        words = tokenize(text)
        changed = False
        suggestion = []
        for word in words:
            replacement = word
            if self.accepts(word) and not self.is_known(word):
                limit = allowed_edits(word) + 1
                scored = sorted(
                    (edit_distance(word, candidate, limit), candidate)
                    for candidate in self.candidates(word, limit)
                )
                if scored and scored[0][0] <= limit:
                    replacement = scored[0][1]
                    changed = True
            suggestion.append(replacement)
        return " ".join(suggestion) if changed else None

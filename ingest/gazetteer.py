"""Countries, organizations and role titles, loaded from the data files in ``ingest/data``."""

from dataclasses import dataclass, field, replace
from datetime import date
from difflib import SequenceMatcher
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from diplograph.core.names import normalize_name
from diplograph.ingest.datafiles import read_rows
from diplograph.ingest.dated_people import people_named, people_with_surname, surname_key
from diplograph.ingest.wordlists import wordlist

HAND_PEOPLE_FROM = date(2016, 1, 1)
"""``people.tsv`` covers the years from here on; the coding dictionary ends in 2015."""

SAME_NAME_RATIO = 85.0
"""How alike two spellings of a full name must be ("Atal Behari" / "Atal Bihari": 95)."""


@dataclass(frozen=True)
class Country:
    """A state, by its ISO 3166 alpha-3 code and common English name."""

    iso3: str
    name: str


@dataclass(frozen=True)
class Organization:
    """A named body: an IGO, an NGO, or a non-state armed or political group."""

    name: str
    type: str
    country: str | None
    base: str | None = None  # a stateless group's home: its side in a story


@dataclass(frozen=True)
class KnownPerson:
    """A well-known political figure: the state they act for and their usual title."""

    name: str
    country: str | None
    role: str


@dataclass(frozen=True)
class Role:
    """A title such as ``foreign minister``; ``rank`` 5 is a head of state or government."""

    role: str
    words: tuple[str, ...]
    rank: int
    sector: str


@dataclass(frozen=True)
class Agent:
    """A sector noun ("troops", "riot police", "court"): the kind of actor it names.

    ``sector`` is government, military, group (armed, not of a state), opposition,
    civilians, activists, business or media (``generated/agents.tsv``).
    """

    words: tuple[str, ...]
    sector: str
    code: str


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables keyed by normalized names (see ``core.names.normalize_name``)."""

    countries: dict[str, Country]
    demonyms: dict[str, Country]
    capitals: dict[str, Country]
    organizations: dict[str, Organization]
    roles: tuple[Role, ...]
    by_iso3: dict[str, Country]
    people: dict[str, KnownPerson] = field(default_factory=dict)
    cities: dict[str, Country] = field(default_factory=dict)
    agents: tuple[Agent, ...] = ()
    as_of: date | None = None  # the article's date: people's roles are read on it
    # people.tsv's figures by surname (see ``dated_people.surname_key``), built once.
    people_by_surname: dict[str, tuple[KnownPerson, ...]] = field(default_factory=dict)

    def on(self, day: date | None) -> "Gazetteer":
        """Return this gazetteer reading the coding dictionary's dated roles on ``day``."""
        dated = replace(self, as_of=day)
        # The word indexes do not depend on the date: built once, not once per article.
        for name in ("_roles_by_last_word", "_agents_by_last_word"):
            dated.__dict__[name] = getattr(self, name)
        return dated

    def person(self, text: str) -> KnownPerson | None:
        """Return the figure ``people.tsv`` names ``text`` (by name or alias), or None."""
        return self.people.get(normalize_name(text))

    def known_person(self, text: str) -> KnownPerson | None:
        """Return the figure named ``text``: ``people.tsv`` first, then the coding dictionary.

        A dictionary person is the one in office on the gazetteer's date (else the first
        so named), with the state of their code on that date and no title.
        """
        key = normalize_name(text)
        known = self.people.get(key)
        if known is not None:
            return known
        candidates = people_named(key)
        if not candidates or self._names_no_person(key):
            return None
        person = next((p for p in candidates if p.in_office(self.as_of)), candidates[0])
        code = person.code_on(self.as_of) or ""
        country = self.by_iso3.get(code[:3])
        return KnownPerson(person.name, country.iso3 if country else None, "")

    def known_surname(self, text: str) -> KnownPerson | None:
        """Return the one well-known figure a name no table holds can be, or None.

        "Merkel" alone, or "Atal Behari Vajpayee" spelled unlike the dictionary: among
        the figures with that surname (and, for a longer name, nearly the same spelling),
        ``people.tsv``'s from 2016 on or with no date, else the coding dictionary's in
        office on the gazetteer's date. Two or more candidates give None: a surname is
        never guessed between people.
        """
        key = normalize_name(text)
        if not key or self._names_no_person(key):
            return None

        def spelled_alike(name: str) -> bool:
            if " " not in key:
                return True
            full = normalize_name(name)
            return fuzz.ratio(full, key) >= SAME_NAME_RATIO or _shortened(key, full)

        surname = surname_key(key)
        if self.as_of is None or self.as_of >= HAND_PEOPLE_FROM:
            hand = [p for p in self.people_by_surname.get(surname, ()) if spelled_alike(p.name)]
            if hand:
                return hand[0] if len(hand) == 1 else None
        dated = [
            p
            for p in people_with_surname(surname, second=" " in key)
            if p.in_office(self.as_of) and spelled_alike(p.name)
        ]
        if not dated:
            return None
        person = dated[0]
        state = (person.code_on(self.as_of) or "")[:3]
        for other in dated[1:]:
            # The dictionary lists some people twice ("Gerhard Schroder", "... Schroeder").
            same_state = (other.code_on(self.as_of) or "")[:3] == state
            if not same_state or fuzz.ratio(other.name, person.name) < SAME_NAME_RATIO:
                return None
        country = self.by_iso3.get(state)
        return KnownPerson(person.name, country.iso3 if country else None, "")

    def _names_no_person(self, key: str) -> bool:
        """Return True when ``key`` is a state, place or body (the dictionary lists some)."""
        tables = (self.countries, self.demonyms, self.capitals, self.cities, self.organizations)
        return any(key in table for table in tables)

    def country(self, text: str) -> Country | None:
        """Return the country named by ``text`` (name, alias or demonym), or None."""
        key = normalize_name(text)
        return self.countries.get(key) or self.demonyms.get(key)

    def capital(self, text: str) -> Country | None:
        """Return the country whose capital or seat of government is ``text``, or None."""
        return self.capitals.get(normalize_name(text))

    def city(self, text: str) -> Country | None:
        """Return the country of the non-capital city or place ``text``, or None."""
        return self.cities.get(normalize_name(text))

    def organization(self, text: str) -> Organization | None:
        """Return the organization named by ``text``, or None."""
        return self.organizations.get(normalize_name(text))

    @cached_property
    def _roles_by_last_word(self) -> dict[str, tuple[Role, ...]]:
        index: dict[str, list[Role]] = {}
        for role in self.roles:  # longest titles first, as the table is sorted
            index.setdefault(role.words[-1], []).append(role)
        return {word: tuple(roles) for word, roles in index.items()}

    @cached_property
    def _agents_by_last_word(self) -> dict[str, tuple[Agent, ...]]:
        index: dict[str, list[Agent]] = {}
        for agent in sorted(self.agents, key=lambda a: -len(a.words)):
            index.setdefault(agent.words[-1], []).append(agent)
        return {word: tuple(agents) for word, agents in index.items()}

    def agent_ending(self, words: list[str]) -> tuple[Agent, int] | None:
        """Return the longest agent phrase ``words`` end with and how many words it spans.

        >>> gazetteer().agent_ending(["Turkish", "riot", "police"])[0].sector
        'government'
        """
        if not words:
            return None
        lowered = [w.lower() for w in words]
        for agent in self._agents_by_last_word.get(lowered[-1], ()):
            n = len(agent.words)
            if n <= len(lowered) and tuple(lowered[-n:]) == agent.words:
                return agent, n
        return None

    def role_ending(self, words: list[str]) -> tuple[Role, int] | None:
        """Return the longest role title that ``words`` end with and how many words it spans."""
        if not words:
            return None
        lowered = [w.lower() for w in words]
        for role in self._roles_by_last_word.get(lowered[-1], ()):
            n = len(role.words)
            if n <= len(lowered) and tuple(lowered[-n:]) == role.words:
                return role, n
        return None


def _shortened(short: str, full: str) -> bool:
    """Return True when ``short`` is ``full`` with some of its words left out, in order.

    >>> _shortened("laurent kabila", "laurent desire kabila")
    True
    >>> _shortened("alvaro uribe", "alvaro uribe velez"), _shortened("kabila laurent", "laurent k")
    (True, False)
    """
    words = iter(full.split())
    return all(word in words for word in short.split())


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


# Sectors of the coding dictionary's state-prefixed codes that are non-state armed groups.
GROUP_SECTORS = frozenset({"REB", "INS", "UAF", "SEP", "RAD"})


ARMED_GROUP_WORDS = wordlist("armed_group_words")


def _regional_armed_group(code: str, name: str) -> bool:
    """Return True for an armed group the dictionary codes by region, not by state.

    ``CFRREB`` (the Lord's Resistance Army, Central Africa), ``WEUREB`` (the IRA); under
    ``IMG...`` (international militarized groups) the dictionary also lists members by
    name, so only names that say they are a group count ("Abu Sayyaf Group").
    """
    if code.startswith("IMG"):
        return any(word in ARMED_GROUP_WORDS for word in name.lower().replace("-", " ").split())
    return len(code) >= 6 and code[:3].isalpha() and code[3:6] in GROUP_SECTORS


def _dictionary_organizations(
    by_iso3: dict[str, Country],
) -> list[tuple[Organization, list[str]]]:
    """Return the coding dictionary's IGOs, NGOs and armed groups with their names.

    ``generated/organizations.tsv`` codes IGOs ``IGO...``, NGOs ``NGO...`` and armed
    groups by their state and sector (``SOMREB``: al Shabaab); companies and state
    bodies are left out. Hand-written rows (``organizations.tsv``) win.
    """
    found: list[tuple[Organization, list[str]]] = []
    for row in read_rows("generated/organizations.tsv"):
        code = row["code"]
        if code.startswith(("IGO", "NGO")):
            org = Organization(row["name"], code[:3].lower(), None)
        elif code[:3] in by_iso3 and code[3:6] in GROUP_SECTORS:
            org = Organization(row["name"], "group", None, base=code[:3])
        elif _regional_armed_group(code, row["name"]):
            org = Organization(row["name"], "group", None)
        else:
            continue
        found.append((org, [row["name"], *_split(row["aliases"])]))
    return found


def _agents() -> tuple[Agent, ...]:
    """Return the sector nouns of ``generated/agents.tsv``, singular and plural forms."""
    agents: dict[tuple[str, ...], Agent] = {}
    for row in read_rows("generated/agents.tsv"):
        for form in (row["phrase"], row["plural"]):
            words = tuple(form.split())
            if words:
                agents.setdefault(words, Agent(words, row["sector"], row["code"]))
    return tuple(agents.values())


def _spelling_of(alias: str, names: list[str]) -> bool:
    """Return True when ``alias`` spells one of ``names`` (a variant, or a longer form of it).

    >>> _spelling_of("afghanestan", ["afghanistan"]), _spelling_of("herat", ["afghanistan"])
    (True, False)
    """
    return any(
        name in alias or SequenceMatcher(None, alias, name).ratio() >= 0.85 for name in names
    )


def _dictionary_state_names(
    by_iso3: dict[str, Country],
    countries: dict[str, Country],
    demonyms: dict[str, Country],
    capitals: dict[str, Country],
    cities: dict[str, Country],
    organizations: dict[str, Organization],
) -> None:
    """Add the coding dictionary's synonyms of each state (``generated/countries.tsv``).

    Upstream lists names, adjectives, capitals, cities and regions alike. A synonym
    the hand tables know already keeps its hand meaning; a spelling of the state's name
    becomes a name of the state; any other becomes a place of it (like ``cities.tsv``:
    a place, not a speaker for the state). Names of people of the dictionary are left out.
    """
    for row in read_rows("generated/countries.tsv"):
        country = by_iso3.get(row["iso3"])
        if country is None:
            continue
        names = [normalize_name(country.name), normalize_name(row["name"])]
        for synonym in _split(row["synonyms"]):
            key = normalize_name(synonym)
            tables = (countries, demonyms, capitals, cities, organizations)
            if len(key) < 4 or any(key in table for table in tables) or people_named(key):
                continue
            if _spelling_of(key, names):
                countries[key] = country
            else:
                cities[key] = country


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the gazetteer built from the data tables (countries to people)."""
    countries: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    for row in read_rows("countries.tsv"):
        country = Country(iso3=row["iso3"], name=row["name"])
        for name in [row["name"], *_split(row["aliases"])]:
            countries.setdefault(normalize_name(name), country)
        for demonym in _split(row["demonyms"]):
            demonyms.setdefault(normalize_name(demonym), country)
            if not demonym.endswith(("s", "sh", "ch", "ese")):
                demonyms.setdefault(normalize_name(demonym + "s"), country)
        for capital in _split(row["capitals"]):
            capitals.setdefault(normalize_name(capital), country)
    organizations: dict[str, Organization] = {}
    for row in read_rows("organizations.tsv"):
        org = Organization(
            name=row["name"],
            type=row["type"],
            country=row["country"] or None,
            base=row["base"] or None,
        )
        for name in [row["name"], *_split(row["aliases"])]:
            organizations.setdefault(normalize_name(name), org)
    by_iso3 = {c.iso3: c for c in countries.values()}
    for org, names in _dictionary_organizations(by_iso3):
        for name in names:
            organizations.setdefault(normalize_name(name), org)
    roles = [
        Role(
            role=row["role"],
            words=tuple(row["pattern"].lower().replace("-", " - ").split()),
            rank=int(row["rank"]),
            sector=row["sector"],
        )
        for row in read_rows("roles.tsv")
    ]
    roles.sort(key=lambda r: -len(r.words))
    people: dict[str, KnownPerson] = {}
    for row in read_rows("people.tsv"):
        known = KnownPerson(name=row["name"], country=row["country"] or None, role=row["role"])
        for name in [row["name"], *_split(row["aliases"])]:
            people.setdefault(normalize_name(name), known)
    by_surname: dict[str, dict[str, KnownPerson]] = {}
    for known in people.values():
        by_surname.setdefault(surname_key(known.name), {})[known.name] = known
    cities: dict[str, Country] = {}
    for row in read_rows("cities.tsv"):
        for name in [row["name"], *_split(row["aliases"])]:
            key = normalize_name(name)
            if key not in countries and key not in capitals:
                cities.setdefault(key, by_iso3[row["country"]])
    _dictionary_state_names(by_iso3, countries, demonyms, capitals, cities, organizations)
    return Gazetteer(
        countries=countries,
        demonyms=demonyms,
        capitals=capitals,
        organizations=organizations,
        roles=tuple(roles),
        by_iso3=by_iso3,
        people=people,
        cities=cities,
        people_by_surname={key: tuple(found.values()) for key, found in by_surname.items()},
        agents=_agents(),
    )

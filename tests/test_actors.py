"""ArticleActors: people of one article, surnames, pronouns and role phrases."""

from diplograph.ingest.actors import ArticleActors, PersonCluster
from diplograph.ingest.types import ActorRef, Mention


def person(
    name: str, country: str | None = None, role: str | None = None, rank: int = 0
) -> Mention:
    return Mention(
        kind="person",
        text=name,
        token_index=0,
        type="person",
        name=name,
        country=country,
        role=role,
        rank=rank,
    )


def role(title: str, country: str | None = None, *, rank: int = 5, number: int = 0) -> Mention:
    return Mention(
        kind="plural_role" if number else "role",
        text=title,
        token_index=0,
        type="person",
        role=title,
        rank=rank,
        country=country,
        number=number or 1,
    )


def mentioned(
    actors: ArticleActors, mention: Mention, position: int, *, subject: bool
) -> PersonCluster:
    cluster = actors.register_person(mention)
    actors.note_position(cluster, position, subject)
    return cluster


def test_full_name_then_surname_is_one_person() -> None:
    actors = ArticleActors()
    first = actors.register_person(person("Vladimir Putin", "RUS", "president", 5))
    second = actors.register_person(person("Putin"))
    assert second is first
    assert actors.people == [
        PersonCluster(names=["Vladimir Putin", "Putin"], role="president", rank=5, country="RUS")
    ]
    assert first.canonical == "Vladimir Putin"
    assert actors.person_named("Putin") is first


def test_surname_first_is_also_one_person() -> None:
    actors = ArticleActors()
    first = actors.register_person(person("Putin", "RUS"))
    second = actors.register_person(person("Vladimir Putin", None, "president", 5))
    assert second is first
    assert (first.canonical, first.role, first.country) == ("Vladimir Putin", "president", "RUS")


def test_ref_has_the_canonical_name_and_the_surname_as_alias() -> None:
    actors = ArticleActors()
    actors.register_person(person("Vladimir Putin", "RUS", "president", 5))
    actors.register_person(person("Putin"))
    cluster = actors.person_named("Putin")
    assert cluster is not None
    assert cluster.ref() == ActorRef(
        name="Vladimir Putin",
        type="person",
        country="RUS",
        role="president",
        aliases=("Putin", "Vladimir Putin"),
    )


def test_same_surname_of_another_country_is_another_person() -> None:
    actors = ArticleActors()
    actors.register_person(person("Kim Jong Un", "PRK"))
    actors.register_person(person("Kim Jong Un", "KOR"))
    assert [(p.canonical, p.country) for p in actors.people] == [
        ("Kim Jong Un", "PRK"),
        ("Kim Jong Un", "KOR"),
    ]


def test_particle_alone_does_not_match_a_name() -> None:
    actors = ArticleActors()
    actors.register_person(person("Bashar al-Assad", "SYR"))
    assert actors.person_named("al") is None
    assert actors.person_named("Abdullah") is None


def test_one_word_of_a_surname_first_name_matches() -> None:
    actors = ArticleActors()
    wang = actors.register_person(person("Wang Yi", "CHN"))
    assert actors.person_named("Wang") is wang


def test_pronoun_prefers_the_latest_subject_over_a_later_object() -> None:
    actors = ArticleActors()
    putin = mentioned(actors, person("Vladimir Putin", "RUS"), 0, subject=True)
    mentioned(actors, person("Bashar al-Assad", "SYR"), 4, subject=False)
    assert actors.resolve_pronoun(position=8, sentence_start=7) is putin


def test_pronoun_takes_the_latest_of_several_subjects() -> None:
    actors = ArticleActors()
    mentioned(actors, person("Vladimir Putin", "RUS"), 0, subject=True)
    sisi = mentioned(actors, person("Abdel Fattah el-Sisi", "EGY"), 10, subject=True)
    mentioned(actors, person("Bashar al-Assad", "SYR"), 14, subject=False)
    assert actors.resolve_pronoun(position=20, sentence_start=18) is sisi


def test_pronoun_prefers_a_subject_of_its_own_sentence() -> None:
    actors = ArticleActors()
    mentioned(actors, person("Vladimir Putin", "RUS"), 0, subject=True)
    erdogan = mentioned(actors, person("Recep Tayyip Erdogan", "TUR"), 12, subject=True)
    assert actors.resolve_pronoun(position=15, sentence_start=10) is erdogan


def test_pronoun_falls_back_to_anyone_mentioned_before_it() -> None:
    actors = ArticleActors()
    assad = mentioned(actors, person("Bashar al-Assad", "SYR"), 3, subject=False)
    mentioned(actors, person("Vladimir Putin", "RUS"), 9, subject=True)
    assert actors.resolve_pronoun(position=6, sentence_start=5) is assad


def test_pronoun_with_nobody_before_it() -> None:
    actors = ArticleActors()
    mentioned(actors, person("Vladimir Putin", "RUS"), 9, subject=True)
    assert actors.resolve_pronoun(position=2, sentence_start=0) is None


def test_role_with_a_country_finds_that_person() -> None:
    actors = ArticleActors()
    putin = mentioned(actors, person("Vladimir Putin", "RUS", "president", 5), 0, subject=True)
    mentioned(actors, person("Abdel Fattah el-Sisi", "EGY", "president", 5), 8, subject=True)
    assert actors.resolve_role(role("president", "RUS"), position=20) == [putin]


def test_role_without_a_country_finds_the_latest_holder() -> None:
    actors = ArticleActors()
    mentioned(actors, person("Vladimir Putin", "RUS", "president", 5), 0, subject=True)
    sisi = mentioned(
        actors, person("Abdel Fattah el-Sisi", "EGY", "president", 5), 8, subject=False
    )
    mentioned(actors, person("Sergei Lavrov", "RUS", "foreign minister", 4), 12, subject=True)
    assert actors.resolve_role(role("president"), position=20) == [sisi]


def test_role_nobody_holds() -> None:
    actors = ArticleActors()
    mentioned(actors, person("Vladimir Putin", "RUS", "president", 5), 0, subject=True)
    assert actors.resolve_role(role("president", "EGY"), position=20) == []
    assert actors.resolve_role(role("foreign minister", rank=4), position=20) == []


def test_leader_is_any_head_of_state_or_government() -> None:
    actors = ArticleActors()
    mentioned(actors, person("Sergei Lavrov", "RUS", "foreign minister", 4), 0, subject=True)
    netanyahu = mentioned(
        actors, person("Benjamin Netanyahu", "ISR", "prime minister", 5), 5, subject=True
    )
    mentioned(actors, person("Ayman Safadi", "JOR", "minister", 3), 9, subject=True)
    assert actors.resolve_role(role("leader", rank=0), position=20) == [netanyahu]


def test_plural_role_finds_the_last_two_presidents() -> None:
    actors = ArticleActors()
    mentioned(actors, person("Vladimir Putin", "RUS", "president", 5), 0, subject=True)
    assad = mentioned(actors, person("Bashar al-Assad", "SYR", "president", 5), 6, subject=False)
    sisi = mentioned(
        actors, person("Abdel Fattah el-Sisi", "EGY", "president", 5), 11, subject=True
    )
    mentioned(actors, person("Sergei Lavrov", "RUS", "foreign minister", 4), 15, subject=True)
    assert actors.resolve_role(role("president", number=2), position=30) == [sisi, assad]


def test_plural_role_with_too_few_holders_fills_up_with_the_latest_people() -> None:
    actors = ArticleActors()
    putin = mentioned(actors, person("Vladimir Putin", "RUS", "president", 5), 0, subject=True)
    lavrov = mentioned(
        actors, person("Sergei Lavrov", "RUS", "foreign minister", 4), 15, subject=True
    )
    assert actors.resolve_role(role("president", number=2), position=30) == [putin, lavrov]


def test_plural_role_with_too_few_people_finds_nobody() -> None:
    actors = ArticleActors()
    mentioned(actors, person("Vladimir Putin", "RUS", "president", 5), 0, subject=True)
    assert actors.resolve_role(role("president", number=2), position=30) == []


def test_minister_fits_a_foreign_minister_but_not_a_prime_minister() -> None:
    actors = ArticleActors()
    lavrov = mentioned(
        actors, person("Sergei Lavrov", "RUS", "foreign minister", 4), 0, subject=True
    )
    mentioned(actors, person("Mikhail Mishustin", "RUS", "prime minister", 5), 6, subject=True)
    assert actors.resolve_role(role("minister", "RUS", rank=3), position=20) == [lavrov]


def test_positions_noted_out_of_order_still_find_the_latest_before_a_point() -> None:
    # register_people notes full names, then surnames, in separate passes over the article.
    actors = ArticleActors()
    putin = mentioned(actors, person("Vladimir Putin", "RUS"), 40, subject=True)
    assad = mentioned(actors, person("Bashar al-Assad", "SYR"), 30, subject=True)
    actors.note_position(putin, 10, True)
    actors.note_position(assad, 50, False)
    actors.note_position(putin, 20, False)
    assert [actors.resolve_pronoun(position=p, sentence_start=p) for p in (15, 25, 35, 45, 55)] == [
        putin,
        putin,
        assad,
        putin,
        putin,
    ]
    assert (putin.mentioned_at, putin.subject_at, assad.subject_at) == (
        [10, 20, 40],
        [10, 40],
        [30],
    )

"""The list of features is the one place each capability is declared: dispatch, roles, /menu,
/help, the command lists, the resumable flows, the scheduler's jobs and the flow diagrams all
follow from it. A feature added to the list (as a test does here) is wired everywhere."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from chat.callbacks import Callback
from chat.replies import Reply
from flows.answers import free_text
from flows.diagram import mermaid
from flows.engine import Answer, Flow, FlowContext, Outcome, Parsed, Step
from handlers.diagrams import DOCS, diagrams
from handlers.feature import Audience, Button, Command, Feature, MenuEntry, Role, Scheduled
from handlers.features import FEATURES
from handlers.registry import Registry
from handlers.router import Router
from handlers.turn import Turn
from services.jobs import JobContext
from tests.chat import ChatUser
from tests.test_registration import register_in_bengali

# --- a small feature, written as the README's recipe says ------------------------------------

SOUVENIR = "souv"
SOUVENIR_SHOW = Callback("souv", "show", 1)
ran: list[str] = []


def _parse_name(answer: Answer, ctx: FlowContext) -> Parsed:
    return free_text(answer, 40)


def _finish(ctx: FlowContext) -> list[Outcome]:
    return [Reply("profile-saved")]


souvenir = Flow(
    SOUVENIR,
    (Step("name", "reg-ask-name", _parse_name, label="field-name"),),
    finish=_finish,
    resumable=True,
)


async def start(turn: Turn, args: str) -> None:
    turn.dialogue.pause()
    turn.dialogue.start(SOUVENIR)


async def show(turn: Turn, parts: tuple[str, ...]) -> None:
    turn.say(Reply("welcome-back", {"name": parts[0]}))


async def tally(job: JobContext) -> None:
    ran.append("tally")


SOUVENIRS = Feature(
    "souvenirs",
    flows=(souvenir,),
    commands=(
        Command("souvenir", start, role=Role.SELLER, listed=True, help="help-cmd-products"),
        Command("tally", start, role=Role.ADMIN, help="help-cmd-audit"),
    ),
    buttons=(Button((SOUVENIR_SHOW,), show, role=Role.COORDINATOR),),
    menu=(MenuEntry("souvenir", "menu-products", Audience.SELLER),),
    jobs=(Scheduled(tally),),
)


def test_a_feature_added_to_the_list_is_wired_everywhere() -> None:
    registry = Registry((*FEATURES, SOUVENIRS))
    assert registry.commands["souvenir"].run is start
    assert registry.route(SOUVENIR_SHOW.data("x")) is not None
    assert SOUVENIR in registry.resumable
    assert souvenir in registry.flows
    assert "souvenir" in registry.command_list(Role.SELLER)
    assert "tally" not in registry.command_list(Role.COORDINATOR)
    assert "tally" in registry.command_list(Role.ADMIN)
    assert any(s.job is tally for s in registry.jobs("day"))
    assert mermaid(souvenir).startswith("stateDiagram-v2")


async def test_the_added_feature_answers_through_the_router(
    router: Router, seller: ChatUser
) -> None:
    router.registry = Registry((*FEATURES, SOUVENIRS))
    router.engine.flows[SOUVENIR] = souvenir
    user = seller
    await register_in_bengali(user)
    await user.says("/souvenir")
    assert "name" in user.text().lower() or "নাম" in user.text()
    await user.says("/menu")  # a resumable flow waits, paused
    await user.says("/souvenir")
    await user.says("Rina")
    assert "✓" in user.text()
    await user.presses_data(SOUVENIR_SHOW.data("Rina"))  # a coordinator's button
    assert "শুধু জেলার সমন্বয়কারীদের জন্য" in user.text()
    await user.says("/tally")  # an administrator's command
    assert "শুধু প্রশাসকদের জন্য" in user.text()


async def test_menu_help_and_command_lists_come_from_the_features(
    router: Router, seller: ChatUser, admin: ChatUser
) -> None:
    await register_in_bengali(seller)
    await seller.says("/menu")
    payloads = seller.button_data()
    entries = [
        entry
        for feature in FEATURES
        for entry in feature.menu
        if isinstance(entry, MenuEntry) and entry.audience in (Audience.SELLER, Audience.EVERYONE)
    ]
    assert payloads == [f"menu:{entry.command}" for entry in entries]
    await admin.says("/help")
    shown = admin.html()
    for feature in FEATURES:
        for command in feature.commands:
            if command.help:
                keys = (command.help,) if isinstance(command.help, str) else command.help
                for key in keys:
                    line = router.renderer.text(Reply(key), "en")
                    assert line in shown, key
    registry = Registry(FEATURES)
    sellers = registry.command_list(Role.SELLER)
    assert sellers[:1] == ["start"] and "stats" not in sellers and "skip" not in sellers
    assert set(sellers) < set(registry.command_list(Role.COORDINATOR))
    assert "audit" in registry.command_list(Role.ADMIN)


def test_every_registered_flow_has_its_current_diagram_in_the_docs() -> None:
    drawn = diagrams()
    assert set(drawn) == {path.stem for path in DOCS.glob("*.mmd")}, "stale or missing files"
    for name, text in drawn.items():
        path = DOCS / f"{name}.mmd"
        assert path.read_text(encoding="utf-8") == text, (
            f"{path} is stale: run python -m handlers.diagrams --write"
        )


def test_diagrams_show_branches_loops_and_exits() -> None:
    drawn = diagrams()
    assert "consent --> [*]: declined" in drawn["reg"]  # refused consent ends it
    assert "question --> question" in drawn["elig"]  # the rules' questions, one by one
    assert "product --> describe: answer, if " in drawn["elig"]  # a `when` step
    assert "product --> destination: answer, otherwise" in drawn["elig"]  # … skipped
    assert "photos --> photos" in drawn["prod"]
    assert "review --> [*]: confirm" in drawn["reg"]
    # A change to a flow changes its picture: a diagram cannot pass while wrong.
    registration = next(f for f in Registry(FEATURES).flows if f.name == "reg")
    consent = registration.step("consent")
    assert consent is not None
    changed = replace(
        registration,
        steps=tuple(replace(s, exit=None) if s is consent else s for s in registration.steps),
    )
    assert mermaid(changed) != drawn["reg"]


def test_staff_reads_are_audited_by_the_dispatcher_not_the_handlers() -> None:
    handlers = Path(__file__).resolve().parent.parent / "handlers"
    writes = [
        path.name
        for path in handlers.glob("*.py")
        if path.name != "router.py" and "audit.write(" in path.read_text(encoding="utf-8")
    ]
    # Writes of changes are audited where they happen; no handler writes a read itself.
    for name in writes:
        text = (handlers / name).read_text(encoding="utf-8")
        for action in ("card", "sellers", "search", "pending", "export", "checks"):
            assert f'"{action}"' not in text.split("audit.write(")[1][:200], (name, action)

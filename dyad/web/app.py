"""The dashboard and HTTP API over a dyad store: `create_app(db_path, token=None)` returns a FastAPI app.

The store is opened read-only once, when the app is created. Pages are server-rendered Jinja2 templates;
every asset is served from `dyad/web/static` (nothing is loaded from elsewhere). With a token, every request
must carry it: `Authorization: Bearer T`, `?token=T` (which also sets a cookie, so a browser can follow the
links) or that cookie; otherwise 401. `run()` starts uvicorn and refuses a non-loopback address without a
token.
"""
from __future__ import annotations

import csv
import hmac
import io
import ipaddress
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, urlencode

from dyad.errors import ConfigError

try:
    from fastapi import Depends, FastAPI, HTTPException, Query, Request
    from fastapi import Path as PathParam
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import HTMLResponse, JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates
except ImportError as exc:  # pragma: no cover - depends on the install
    raise ConfigError(
        "the web dashboard needs FastAPI, uvicorn and Jinja2: install them with `pip install 'dyad[web]'`"
    ) from exc

from dyad.web import queries as q
from dyad.web.charts import QUAD_COLOURS, dyad_chart

HERE = Path(__file__).resolve().parent
COOKIE = "dyad_token"
MAX_LIMIT = 1000

ActorCode = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9]{2,15}$", description="Country code (USA) or actor "
                                     "code prefix (USAGOV).")]


# ------------------------------------------------------------------ access: token and empty parameters


class _Gate:
    """ASGI middleware: drops empty query parameters (an empty form field means "no filter") and `token`,
    and, when the app has a token, answers 401 to requests without it."""

    def __init__(self, app: Any, token: str | None):
        self.app = app
        self.token = token

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = next((v for k, v in pairs if k == "token"), None)
        kept = [(k, v) for k, v in pairs if k != "token" and v.strip() != ""]
        scope = dict(scope, query_string=urlencode(kept).encode("latin-1"))
        set_cookie = False
        if self.token:
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            auth = headers.get("authorization", "")
            bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else None
            cookie = _cookie(headers.get("cookie", ""), COOKIE)
            if given is not None and self._ok(given):
                set_cookie = cookie != given
            elif not (self._ok(bearer) or self._ok(cookie)):
                body = b'{"detail":"missing or wrong token: send the header \\"Authorization: Bearer TOKEN\\" ' \
                       b'or add ?token=TOKEN to the address"}'
                await send({"type": "http.response.start", "status": 401, "headers": [
                    (b"content-type", b"application/json"), (b"www-authenticate", b"Bearer"),
                    (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        if not set_cookie:
            await self.app(scope, receive, send)
            return
        token = self.token or ""

        async def send_with_cookie(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = dict(message, headers=list(message.get("headers", [])) + [
                    (b"set-cookie", f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict".encode("latin-1"))])
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _ok(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(value.encode(), (self.token or "").encode())


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        k, _, v = part.strip().partition("=")
        if k == name:
            return v
    return None


# ------------------------------------------------------------------ shared parameters


def _check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"date_from ({date_from}) is after date_to ({date_to})")


def event_filter(
    actor: Annotated[str | None, Query(max_length=100, description="Either actor: country code (USA), actor code "
                                       "prefix (USAGOV) or part of a name (maduro).")] = None,
    actor2: Annotated[str | None, Query(max_length=100, description="With actor: the other side of the pair "
                                        "(either direction).")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code prefix: 04 matches "
                                       "040-046.")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root, 01-20.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="Where it happened (ISO "
                                         "alpha-3).")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation, 2 material "
                                            "cooperation, 3 verbal conflict, 4 material conflict.")] = None,
    date_from: Annotated[date | None, Query(description="First event date, YYYY-MM-DD.")] = None,
    date_to: Annotated[date | None, Query(description="Last event date, YYYY-MM-DD.")] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the sentence.")] = None,
    min_mentions: Annotated[int | None, Query(ge=1, description="Fewest reports.")] = None,
) -> q.EventFilter:
    _check_range(date_from, date_to)
    return q.EventFilter(actor=actor, actor2=actor2, cameo=cameo, root=root, country=country, quad_class=quad_class,
                         date_from=date_from, date_to=date_to, text=text, min_mentions=min_mentions)


def quote_filter(
    speaker: Annotated[str | None, Query(max_length=100, description="Part of the speaker's words or name, or "
                                         "an actor code prefix.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="The speaker's country (ISO "
                                         "alpha-3).")] = None,
    anonymous: Annotated[bool | None, Query(description="true: only anonymous sources; false: only named "
                                            "ones.")] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the quote.")] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
) -> q.QuoteFilter:
    return q.QuoteFilter(speaker=speaker, country=country, anonymous=anonymous, text=text, article_id=article_id)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Fmt = Annotated[Literal["json", "csv"], Query(description="json (default) or csv.")]
By = Annotated[Literal["day", "week", "month"], Query(description="Period of the series.")]


def _csv(rows: list[dict[str, Any]], columns: list[str], filename: str) -> Response:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{filename}"'})


def _error_text(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {e.get('msg')}")
    return "; ".join(parts)


# ------------------------------------------------------------------ the app


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The dashboard and API over the store at `db_path` (opened read-only now). With `token`, every request
    must carry it (see the module doc)."""
    db = q.Db(db_path)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(QUAD_NAMES=q.QUAD_NAMES, QUAD_COLOURS=QUAD_COLOURS, db_name=Path(db.path).name)
    templates.env.filters["num"] = lambda v, d=1: "" if v is None else f"{float(v):+.{d}f}"

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(title="dyad", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Political event data from a dyad store: dedup events, dyad series, articles, "
                              "quotes. Lists take limit/offset and return their total.")
    app.state.db = db
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(_Gate, token=token)

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        params = dict(request.query_params)

        def with_params(**kw: Any) -> str:
            p = {**params, **{k: v for k, v in kw.items()}}
            return urlencode({k: v for k, v in p.items() if v not in (None, "")})

        return templates.TemplateResponse(request, name, {"params": params, "with_params": with_params, **ctx},
                                          status_code=status)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path.endswith(".json")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        message = _error_text(exc)
        if is_api(request):
            return JSONResponse({"detail": jsonable(exc.errors()), "message": message}, status_code=422)
        return page(request, "error.html", 422, title="Bad parameters", message=message)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        if is_api(request):
            return JSONResponse({"detail": exc.detail, "message": str(exc.detail)}, status_code=exc.status_code)
        title = {404: "Not found", 422: "Bad parameters"}.get(exc.status_code, "Error")
        return page(request, "error.html", exc.status_code, title=title, message=str(exc.detail))

    def _get_event(ident: str) -> dict[str, Any]:
        try:
            return q.event(db, ident)
        except q.NotFound as e:
            raise HTTPException(404, str(e)) from e

    def _get_article(ident: str) -> dict[str, Any]:
        try:
            return q.article(db, ident)
        except q.NotFound as e:
            raise HTTPException(404, str(e)) from e

    # -------------------------------------------------------------- API

    @app.get("/api/stats", tags=["api"], summary="Counts of rows in the store and its date span")
    def api_stats() -> dict[str, Any]:
        return {"counts": q.counts(db), "dates": q.date_span(db), "store": Path(db.path).name}

    @app.get("/api/events", tags=["api"], summary="Dedup events, filtered and paginated (format=csv for CSV)")
    def api_events(f: Annotated[q.EventFilter, Depends(event_filter)], limit: Limit = 50, offset: Offset = 0,
                   format: Fmt = "json") -> Any:
        res = q.search_events(db, f, limit=limit, offset=offset)
        if format == "csv":
            return _csv(res.items, q.EVENT_COLUMNS, "events.csv")
        return {**res.to_dict(), "filters": f.active()}

    @app.get("/api/events.csv", tags=["api"], summary="Dedup events as CSV (same filters as /api/events)")
    def api_events_csv(f: Annotated[q.EventFilter, Depends(event_filter)],
                       limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000, offset: Offset = 0) -> Response:
        return _csv(q.search_events(db, f, limit=limit, offset=offset).items, q.EVENT_COLUMNS, "events.csv")

    @app.get("/api/events/{event_id}", tags=["api"],
             summary="One dedup event (or the event a report id belongs to) with every report of it")
    def api_event(event_id: str) -> dict[str, Any]:
        return _get_event(event_id)

    @app.get("/api/dyads/{a}/{b}", tags=["api"], summary="The series between two actors, its shifts and events")
    def api_dyad(a: ActorCode, b: ActorCode, by: By = "week", date_from: date | None = None,
                 date_to: date | None = None,
                 penalty: Annotated[float, Query(gt=0, le=100, description="Shift penalty.")] = 3.0,
                 format: Fmt = "json") -> Any:
        _check_range(date_from, date_to)
        res = q.dyad(db, a, b, by=by, date_from=date_from, date_to=date_to, penalty=penalty)
        if format == "csv":
            return _csv(res["events"], q.EVENT_COLUMNS, f"{res['a']}-{res['b']}-events.csv")
        return res

    @app.get("/api/top-dyads", tags=["api"], summary="The most active pairs of countries")
    def api_top_dyads(f: Annotated[q.EventFilter, Depends(event_filter)],
                      limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
        return q.top_dyads(db, f, limit=limit)

    @app.get("/api/articles/{article_id}", tags=["api"], summary="One article with its events, actors, quotes")
    def api_article(article_id: str) -> dict[str, Any]:
        res = _get_article(article_id)
        res.pop("html")
        return res

    @app.get("/api/quotes", tags=["api"], summary="Quotes, filtered and paginated (format=csv for CSV)")
    def api_quotes(f: Annotated[q.QuoteFilter, Depends(quote_filter)], limit: Limit = 50, offset: Offset = 0,
                   format: Fmt = "json") -> Any:
        res = q.search_quotes(db, f, limit=limit, offset=offset)
        if format == "csv":
            return _csv(res.items, q.QUOTE_COLUMNS, "quotes.csv")
        return {**res.to_dict(), "filters": f.active()}

    # -------------------------------------------------------------- pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, f: Annotated[q.EventFilter, Depends(event_filter)]) -> HTMLResponse:
        points = q.map_points(db, f)
        recent = q.search_events(db, f, limit=10)
        return page(request, "overview.html", counts=q.counts(db), span=q.date_span(db), f=f,
                    dyads=q.top_dyads(db, f, limit=10), points=points, matching=recent.total,
                    unplaced=recent.total - sum(p["events"] for p in points), recent=recent.items)

    @app.get("/dyads/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: ActorCode, b: ActorCode, by: By = "week", date_from: date | None = None,
                  date_to: date | None = None) -> HTMLResponse:
        _check_range(date_from, date_to)
        res = q.dyad(db, a, b, by=by, date_from=date_from, date_to=date_to)
        return page(request, "dyad.html", d=res, chart=dyad_chart(res["series"], res["shifts"]))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        return page(request, "event.html", **_get_event(event_id))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        return page(request, "article.html", **_get_article(article_id))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, f: Annotated[q.EventFilter, Depends(event_filter)],
                    limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Offset = 0) -> HTMLResponse:
        return page(request, "search.html", f=f, res=q.search_events(db, f, limit=limit, offset=offset))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, f: Annotated[q.QuoteFilter, Depends(quote_filter)],
                    limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Offset = 0) -> HTMLResponse:
        return page(request, "quotes.html", f=f, res=q.search_quotes(db, f, limit=limit, offset=offset))

    return app


def jsonable(v: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(v, custom_encoder={Exception: str})


# ------------------------------------------------------------------ running it


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve on a non-loopback address without a token."""
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"refusing to serve on {host!r} without a token: anyone who can reach that address could read the "
            f"store. Give --token T (or DYAD_TOKEN) and send 'Authorization: Bearer T', or bind to 127.0.0.1"
        )


def run(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
        log_level: str = "info") -> None:
    """Serve the dashboard with uvicorn until interrupted."""
    check_bind(host, token)
    import uvicorn

    app = create_app(db_path, token=token)
    uvicorn.run(app, host=host, port=port, log_level=log_level)

"""One page, three renderings of the same data: the full HTML page, the htmx fragment, the JSON twin."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.runtime import Macro
from markupsafe import Markup

from practices.cite import clean_url
from web import text
from web.i18n import COOKIE, LANGUAGES, Translator, pick_language
from web.pages import map_outline
from web.uploads import describe_error, retry_wait

TEMPLATES = Path(__file__).resolve().parent / "templates"
COOKIE_MAX_AGE = 365 * 24 * 3600
# Everything the pages load comes from this server: no CDN, no inline script, no eval.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        passages=text.passages,
        paragraphs=text.paragraphs,
        excerpt=text.excerpt,
        marked=text.marked,
        map_outline=map_outline,
        languages=LANGUAGES,
        lang_attr=lang_attr,
        clean_url=clean_url,
        upload_error=describe_error,
        retry_wait=retry_wait,
    )
    # A block rendered alone (the htmx fragment) does not see its template's top-level imports: the shared
    # macros are globals as well, so `/documenti/{id}` and `/citta/{name}` fragments find them.
    macros = env.get_template("_macros.html").module
    env.globals.update({k: v for k, v in vars(macros).items() if isinstance(v, Macro)})
    return env


def language(request: Request) -> str:
    return pick_language(
        request.query_params.get("lang"), request.cookies.get(COOKIE), request.headers.get("accept-language")
    )


def wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def is_fragment(request: Request) -> bool:
    """An htmx request (but not htmx restoring a page from history, which needs the whole page)."""
    return "hx-request" in request.headers and "hx-history-restore-request" not in request.headers


def url_with(request: Request, **changes: str | None) -> str:
    """The current URL with some query parameters changed (None removes one)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    params += [(k, v) for k, v in changes.items() if v is not None]
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def lang_attr(page_lang: str, code: str | None = "it") -> Markup:
    """`{{ lang_attr(lang) }}` on an element of Italian content (document text, passages, record fields) gives
    it `lang="it"` inside an English page, so screen readers switch voice; nothing when the languages agree."""
    code = (code or "it").lower()
    return Markup(f' lang="{code}"') if code in LANGUAGES and code != page_lang else Markup("")


def _page_address(request: Request) -> str:
    """This page's address for print: the configured public URL, never the Host header; else the path alone."""
    settings = getattr(request.app.state, "settings", None)
    base = (getattr(settings, "public_url", None) or "").rstrip("/")
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{base}{request.url.path}{query}"


def _dossier_cookie(request: Request) -> str | None:
    """The owner's dossier token remembered by this browser (linked from the header), if it looks like one."""
    token = request.cookies.get("dossier") or ""
    return token if 16 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum() else None


def render(
    request: Request,
    template: str,
    data: dict,
    *,
    status: int = 200,
    fragment: str | None = None,
    **extra: object,
) -> Response:
    """`data` as JSON when asked for, else the template (or only its `fragment` block for htmx)."""
    lang = language(request)
    headers = {"Vary": "Accept, Accept-Language, HX-Request, Cookie", "Content-Language": lang, **SECURITY_HEADERS}
    if wants_json(request):
        return JSONResponse(data, status_code=status, headers=headers)
    t = Translator(lang)
    context = {
        "data": data,
        "t": t,
        "lang": lang,
        "request": request,
        "path": request.url.path,
        "switch_url": {code: url_with(request, lang=code, format=None) for code in LANGUAGES},
        "json_url": url_with(request, format="json", lang=None),
        "partial": bool(fragment) and is_fragment(request),
        "current_dossier": _dossier_cookie(request),
        "page_address": _page_address(request),
        **extra,
    }
    tpl = environment().get_template(template)
    partial = fragment if context["partial"] else None
    html = "".join(tpl.blocks[partial](tpl.new_context(context))) if partial else tpl.render(context)
    response = HTMLResponse(html, status_code=status, headers=headers)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(COOKIE, lang, max_age=COOKIE_MAX_AGE, samesite="lax", httponly=True)
    # Cookies a route decided on before something was refused (the upload pass after a right token, a bad file)
    for hook in getattr(request.state, "response_hooks", ()):
        hook(response)
    return response

"""Sign-in, home, health, and the article and ticket pages."""

from __future__ import annotations

from flask import Blueprint, jsonify, make_response, redirect, render_template, request, url_for
from markupsafe import Markup

from kbassist import auth, browse
from kbassist.articles import render_markdown
from kbassist.errors import KbassistError
from kbassist.records import ARTICLE_TYPES
from kbassist.webapp.context import core, db
from kbassist.webapp.security import current_user, requires, safe_next, sign_in, sign_out

bp = Blueprint("pages", __name__)
articles_bp = Blueprint("articles", __name__)
tickets_bp = Blueprint("tickets", __name__)


@bp.get("/healthz")
def healthz():  # type: ignore[no-untyped-def]
    return jsonify({"status": "ok", **browse.counts(db())})


@bp.get("/")
def home():  # type: ignore[no-untyped-def]
    user = current_user()
    if user is None:
        return redirect(url_for("pages.login"))
    return render_template("home.html")


@bp.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    if request.method == "GET":
        return render_template("login.html", error=None)
    try:
        user = auth.authenticate(
            core(),
            request.form.get("username", ""),
            request.form.get("password", ""),
            request.remote_addr or "",
        )
    except KbassistError as failure:
        response = make_response(render_template("login.html", error=failure.message))
        response.status_code = failure.status
        retry_after = getattr(failure, "retry_after", None)
        if retry_after is not None:
            response.headers["Retry-After"] = str(retry_after)
        return response
    sign_in(user)
    return redirect(safe_next(request.args.get("next", "")))


@bp.post("/logout")
def logout():  # type: ignore[no-untyped-def]
    sign_out()
    return redirect(url_for("pages.login"))


@articles_bp.get("/articles")
@requires("articles")
def index():  # type: ignore[no-untyped-def]
    kind = request.args.get("type") or None
    rows = browse.list_articles(db(), kind if kind in ARTICLE_TYPES else None)
    return render_template("articles/index.html", articles=rows, types=ARTICLE_TYPES, chosen=kind)


@articles_bp.get("/articles/<article_id>")
@requires("articles")
def view(article_id: str):  # type: ignore[no-untyped-def]
    article = browse.get_article(db(), article_id)
    html = Markup(render_markdown(article.body))  # js-default preset: raw HTML escaped
    return render_template("articles/view.html", article=article, html=html)


@tickets_bp.get("/tickets/<ticket_id>", endpoint="view")
@requires("tickets")
def ticket(ticket_id: str):  # type: ignore[no-untyped-def]
    return render_template("tickets/view.html", ticket=browse.get_ticket(db(), ticket_id))


blueprints = (bp, articles_bp, tickets_bp)

"""The web chat (Gradio): chat with cited sources, filters, induction tabs, documents, uploads and the HTTP API."""
from __future__ import annotations

import logging
from pathlib import Path

import gradio as gr

from chat.feedback import FeedbackStore
from chat.web_handlers import ChatService

log = logging.getLogger(__name__)

# Readable at 375 px and in high contrast; marks stay legible in both themes.
CSS = """
.pqa-sources ol { padding-left: 1.2em; } .pqa-source { margin: .4em 0; }
.pqa-meta { color: #444; font-size: .9em; } .dark .pqa-meta { color: #ccc; }
mark { background: #ffe066; color: #000; padding: 0 .1em; }
.pqa-focus { outline: 3px solid #1d4ed8; padding: .3em; }
.pqa-badge { background: #1d4ed8; color: #fff; border-radius: 4px; padding: 0 .4em; font-size: .8em; }
.pqa-doc { max-height: 70vh; overflow-y: auto; } .pqa-page { border-top: 1px solid #888; padding-top: .3em; }
:focus-visible { outline: 3px solid #1d4ed8 !important; outline-offset: 2px; }
.pqa-table { overflow-x: auto; max-width: 100%; } .pqa-table table { border-collapse: collapse; width: 100%; }
.pqa-table th, .pqa-table td { border: 1px solid #999; padding: .3em .5em; text-align: left; vertical-align: top; }
.pqa-table th { background: #e8eefc; color: #000; position: sticky; top: 0; }
.pqa-old td { color: #6b3a00; background: #fff4e0; } .dark .pqa-old td { color: #ffd9a0; background: #3a2a10; }
@media (max-width: 480px) { .gradio-container { padding: 4px !important; } h1 { font-size: 1.3em; } }
"""
# Scroll an opened document to the cited passage (the viewer is re-rendered on every open).
SCROLL_JS = "() => { setTimeout(() => { const el = document.getElementById('pqa-focus');" \
            " if (el) el.scrollIntoView({block: 'center'}); }, 300); }"
UPLOAD_TYPES = [".pdf", ".docx", ".txt", ".md", ".html", ".htm"]


def build_app(engine, allow_upload: bool = False, max_upload_mb: int = 50) -> gr.Blocks:
    """The Gradio app around one engine."""
    uploader = None
    if allow_upload:
        from chat.uploads import Uploader
        uploader = Uploader(engine, max_upload_mb * 1024 * 1024)
    service = ChatService(engine, FeedbackStore(engine.index_dir), uploader)
    with gr.Blocks(title="Partnership Q&A") as app:
        gr.Markdown("# Partnership Q&A\nAsk about the partnership's documents; every answer cites its sources.")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                filter_box = _chat_tab(service)
            with gr.Tab("Glossary", id="glossary"):
                gr.Markdown("Acronyms used in the documents, what they stand for and where each is defined.")
                glossary = gr.HTML(service.glossary_html(), elem_id="pqa-glossary")
            with gr.Tab("People", id="people"):
                gr.Markdown("Who's who, as the documents say. Each fact shows the document and date it comes "
                            "from; older facts are marked **out of date**.")
                people = gr.HTML(service.people_html(), elem_id="pqa-people")
            with gr.Tab("Documents", id="documents"):
                _documents_tab(service, allow_upload, max_upload_mb, [glossary, people, filter_box])
    return app


def _chat_tab(service: ChatService) -> gr.Dropdown:
    """The chat; returns the document filter, whose choices change when documents are added or deleted."""
    gr.HTML(service.welcome(), elem_id="pqa-welcome")
    if service.starters:
        gr.Markdown("**Try asking:**")
    starters = [gr.Button(q, size="sm") for q in service.starters]
    turns = gr.State([])
    sources, date_from, date_to = _filters(service)
    chatbot = gr.Chatbot(label="Conversation", height=520, buttons=["copy", "copy_all"], sanitize_html=True,
                         feedback_options=("Like", "Dislike"), elem_id="pqa-chat")
    question = gr.Textbox(label="Your question", placeholder="e.g. Who leads safeguarding training?",
                          max_lines=3, elem_id="pqa-question", autofocus=True)
    with gr.Row():
        ask = gr.Button("Ask", variant="primary", elem_id="pqa-ask")
        new_chat = gr.Button("New chat")
        export = gr.DownloadButton("Export as Markdown", value=None, elem_id="pqa-export")
    comment = gr.Textbox(label="Comment on an answer (optional; sent when you press the thumbs up or down "
                               "under an answer)", max_lines=2)
    thanks = gr.Markdown("")
    with gr.Row():
        pick = gr.Dropdown([], label="Open a source of the latest answer", elem_id="pqa-pick",
                           allow_custom_value=True)  # choices change per answer; open_source checks it
        open_btn = gr.Button("Open the document at this passage", elem_id="pqa-open")
    viewer = gr.HTML("", elem_id="pqa-viewer")

    def after(turn_list):
        choices = service.source_choices(turn_list)
        return (gr.update(choices=choices, value=choices[0][1] if choices else None), service.export(turn_list))

    def chain(event, api_name):
        event.then(service.respond, [question, turns, sources, date_from, date_to], [chatbot, turns],
                   api_name=api_name, concurrency_id="chat").then(
            lambda: "", None, question, api_name=False).then(after, turns, [pick, export], api_name=False)

    chain(ask.click(None, None, None, api_name=False, queue=False), "ask")
    chain(question.submit(None, None, None, api_name=False, queue=False), False)
    for button in starters:
        chain(button.click(lambda q=button.value: q, None, question, queue=False, api_name=False), False)
    new_chat.click(lambda: ([], [], gr.update(choices=[], value=None), None, ""), None,
                   [chatbot, turns, pick, export, viewer], api_name="new_chat")
    open_btn.click(service.open_source, [pick, turns], viewer, api_name="open_source").then(
        None, None, None, js=SCROLL_JS, api_name=False)

    def rate(comment_text: str, turn_list: list, data: gr.LikeData):  # Gradio fills `data` by its type
        return service.rate(data.index, data.liked, comment_text, turn_list)

    chatbot.like(rate, [comment, turns], thanks, api_name=False)
    return sources


def _filters(service: ChatService):
    """Document and date filters, and the line that says which are active (they apply to the next question)."""
    with gr.Accordion("Filters: choose documents or dates", open=False):
        sources = gr.Dropdown(service.document_choices(), multiselect=True, label="Only these documents")
        with gr.Row():
            date_from = gr.Textbox(label="From (YYYY, YYYY-MM or YYYY-MM-DD)", max_lines=1)
            date_to = gr.Textbox(label="To", max_lines=1)
        clear = gr.Button("Clear filters", size="sm")
    active = gr.Markdown(service.filters_text([], "", ""), elem_id="pqa-active-filters")
    for box in (sources, date_from, date_to):
        box.change(service.filters_text, [sources, date_from, date_to], active, api_name=False)
    clear.click(lambda: ([], "", ""), None, [sources, date_from, date_to], api_name="clear_filters")
    return sources, date_from, date_to


def _documents_tab(service: ChatService, allow_upload: bool, max_upload_mb: int, others: list) -> None:
    table = gr.HTML(service.documents_html(), elem_id="pqa-documents")
    choose = gr.Dropdown(service.document_choices(), label="Document")
    with gr.Row():
        view = gr.Button("View")
        confirm = gr.Checkbox(label="Yes, delete it from the index", value=False)
        delete = gr.Button("Delete", variant="stop")
    status = gr.Markdown("")
    viewer = gr.HTML("")
    view.click(service.view_document, choose, viewer, api_name="view_document")
    outputs = [status, table, choose, *others, confirm]
    delete.click(lambda s, ok: _delete(service, s, ok), [choose, confirm], outputs, api_name="delete_document")
    if not allow_upload:
        gr.Markdown("Uploads are off. Start with `partnerqa serve --allow-upload` to add documents here.")
        return
    gr.Markdown(f"### Add a document\nPDF, Word (.docx), text, Markdown or HTML, up to {max_upload_mb} MB. "
                "It is read in the background; you can keep chatting.")
    upload = gr.File(label="Document to add", file_types=UPLOAD_TYPES, type="filepath")
    upload.upload(lambda p, progress=gr.Progress(): _upload(service, p, progress), upload,
                  outputs, api_name="upload", concurrency_id="upload")


def _tables(service: ChatService, message: str):
    choices = service.document_choices()
    return (message, service.documents_html(), gr.update(choices=choices, value=None), service.glossary_html(),
            service.people_html(), gr.update(choices=choices, value=[]), False)  # a deleted file cannot stay a filter


def _delete(service: ChatService, source: str, confirmed: bool):
    from chat.library import LibraryError, delete

    if not source:
        return ("Choose a document first.",) + _tables(service, "")[1:]
    if not confirmed:
        return ("Tick 'Yes, delete it from the index' to confirm.",) + _tables(service, "")[1:]
    try:
        message = delete(service.engine, source)
    except LibraryError as exc:
        message = str(exc)
    service.refresh()
    return _tables(service, message)


def _upload(service: ChatService, path: str, progress):
    """Hand the file to the background uploader and report its progress until it is done."""
    if not path:
        return _tables(service, "No file received.")
    job = service.uploader.submit(Path(path).read_bytes(), Path(path).name)
    while not job.done.wait(0.5):
        progress(job.progress, desc=f"Reading {job.name}…")
    service.refresh()
    return _tables(service, job.message)


def serve(engine, host: str = "127.0.0.1", port: int = 7860, auth: list[tuple[str, str]] | None = None,
          allow_upload: bool = False, max_upload_mb: int = 50, queue_size: int = 64) -> None:
    """Start the web chat and the HTTP API on one port, and block."""
    import uvicorn
    from fastapi import FastAPI

    from chat.api import Gate, add_api_routes

    blocks = build_app(engine, allow_upload, max_upload_mb)
    # A bounded queue: when full, Gradio tells the user to try again instead of waiting forever.
    blocks.queue(max_size=queue_size, default_concurrency_limit=2)
    api = FastAPI(title="Partnership Q&A", docs_url=None, redoc_url=None)
    add_api_routes(api, engine, auth, Gate(running=2, waiting=queue_size))
    app = gr.mount_gradio_app(api, blocks, path="/", auth=auth or None, css=CSS, show_error=False,
                              max_file_size=f"{max_upload_mb}mb", theme=gr.themes.Default())
    print(f"Partnership Q&A is running on http://{host}:{port}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

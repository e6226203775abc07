from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page


def search(request):
    """Public site search (the Chinese-aware search arrives with issue 5)."""
    search_query = request.GET.get("q", "").strip()
    page = request.GET.get("page", 1)

    if search_query:
        from disclosure.listing import searchable_public_pages

        results = searchable_public_pages(Page.objects.all()).search(search_query)
        Query.get(search_query).add_hit()
    else:
        results = Page.objects.none()

    paginator = Paginator(results, 20)
    try:
        results = paginator.page(page)
    except PageNotAnInteger:
        results = paginator.page(1)
    except EmptyPage:
        results = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": search_query, "search_results": results},
    )

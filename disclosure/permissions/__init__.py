"""Units as workspaces: what each role of a unit may do, and where Wagtail is told so.

``roles`` gives every unit group its Wagtail permissions, ``pages`` narrows Wagtail's page
permissions to the user's units, ``page_mixins`` holds what the page models need (imported
at model import time, so it imports no models), ``documents`` the 发布机构 rules of the
document form, ``registers`` the scoping of the registers' admin, ``admin_hooks`` the hooks.
The one answer to "who acts for which unit" stays ``disclosure.unit_access``.
"""

"""The review chain (三审: 初审 → 保密审查 → 终审/签发) built on Wagtail's workflows.

``access`` answers who acts on a task for a document, ``forms`` holds the review forms,
``records`` writes the 保密审查 record, ``defaults`` installs the default workflow,
``my_tasks`` and ``panels`` tell editors what waits for them, ``admin`` is the register.
"""

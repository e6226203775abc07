"""The staff side of 依申请公开: the steps of handling a request (``actions``), the admin
views over them (``views``), the home-page panel (``panels``) and the daily digest."""

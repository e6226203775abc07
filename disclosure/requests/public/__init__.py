"""The public side of 依申请公开: the application form, the receipt, the status page with
补正 and 撤回. Personal data shown here is only ever what the applicant typed, masked where
a query code alone reaches it; every response is private and never cached."""

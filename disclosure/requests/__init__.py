"""Plain domain logic of the online request system (依申请公开): working days and the
statutory time limits of 《政府信息公开条例》 Arts. 30–33. Values in, values out: nothing
here imports a model, so the arithmetic is testable with literal calendars."""

"""RMB amounts: parsing, grouping and Chinese capital numerals (人民币大写) for documents.

The capital form follows the banking rules for writing amounts on bills (中国人民银行《支付结算办法》附件
《正确填写票据和结算凭证的基本规定》): ``壹拾`` is written for 10-19, one ``零`` stands for a run of zeros,
``整`` follows an amount that ends at 元 or 角, and ``零`` is written between 元 and 分 when 角 is zero.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from qcy_workstation.errors import ValidationError

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999999999.99")  # below 万亿万 (10^16): more than any court award

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿", "万亿")


def to_amount(value: object, *, field: str = "amount") -> Decimal:
    """A non-negative RMB amount rounded half-up to the fen; anything else is a ValidationError on ``field``.

    Accepts what staff type: ``1200000``, ``1,200,000``, ``￥800000``, ``800000元``, ``12万``, ``1.2万元``,
    ``3亿``. The UI's amount fields and the CLI's ``AMOUNT[:confidence]`` both read amounts through here."""
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, bool):
        raise ValidationError("an amount must be a number", field=field, value=value, reason="amount.not_number")
    elif isinstance(value, (int, str)):
        text = str(value).strip().replace(",", "").replace("，", "").replace(" ", "")
        for prefix in ("¥", "￥", "RMB", "CNY", "人民币"):
            if text.upper().startswith(prefix):
                text = text[len(prefix):].strip()
        # the forms staff type: 12万, 1.2万元, 3亿, 800000元, 800000元整
        text = re_sub_suffix(text)
        scale = Decimal(1)
        for unit, factor in (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
            if text.endswith(unit):
                text, scale = text[: -len(unit)], factor
                break
        try:
            amount = Decimal(text) * scale
        except ArithmeticError:  # InvalidOperation, and Overflow for 1e9999999 x 万
            raise ValidationError(f"not an amount: {value!r}", field=field, value=value,
                                  reason="amount.not_number") from None
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    else:
        raise ValidationError("an amount must be a number", field=field, value=value, reason="amount.not_number")
    if not amount.is_finite():
        raise ValidationError("an amount must be finite", field=field, value=value, reason="amount.not_number")
    if amount < 0:
        raise ValidationError("an amount cannot be negative", field=field, value=value, reason="amount.negative")
    if amount > MAX_AMOUNT:  # before rounding: quantizing 1e30 or 5,000 digits raises InvalidOperation
        raise ValidationError("amount too large", field=field, value=value, reason="amount.too_large",
                              params={"max": str(MAX_AMOUNT)})
    amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    if amount > MAX_AMOUNT:
        raise ValidationError("amount too large", field=field, value=value, reason="amount.too_large",
                              params={"max": str(MAX_AMOUNT)})
    return amount


def re_sub_suffix(text: str) -> str:
    """Drop a trailing 元 / 元整 / yuan / RMB (the unit, not a multiplier)."""
    for suffix in ("元整", "元", "YUAN", "RMB", "CNY"):
        if text.upper().endswith(suffix):
            return text[: -len(suffix)]
    return text


def format_rmb(amount: Decimal | int | str, *, lang: str = "zh") -> str:
    """``人民币 1,234,567.89 元`` (zh) or ``RMB 1,234,567.89`` (en)."""
    value = to_amount(amount)
    grouped = f"{value:,.2f}"
    return f"人民币 {grouped} 元" if lang == "zh" else f"RMB {grouped}"


def _four_digits(chunk: int) -> str:
    """0 < chunk < 10000 in capitals, zeros inside collapsed to one 零, trailing zeros dropped."""
    out: list[str] = []
    pending_zero = False
    for position in range(3, -1, -1):
        digit = (chunk // 10**position) % 10
        if digit == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[digit] + _SMALL_UNITS[position])
    return "".join(out)


def integer_capitals(number: int) -> str:
    """A whole number of yuan in capitals: 10 -> 壹拾, 100010 -> 壹拾万零壹拾."""
    if number < 0:
        raise ValidationError("negative number", field="amount", value=number)
    if number == 0:
        return "零"
    chunks: list[int] = []
    while number:
        chunks.append(number % 10000)
        number //= 10000
    if len(chunks) > len(_GROUP_UNITS):
        raise ValidationError("amount too large", field="amount", value=number)
    out: list[str] = []
    zero_before = False
    for index in range(len(chunks) - 1, -1, -1):
        chunk = chunks[index]
        if chunk == 0:
            zero_before = bool(out)
            continue
        if out and (zero_before or chunk < 1000):
            out.append("零")
        out.append(_four_digits(chunk) + _GROUP_UNITS[index])
        zero_before = False
    return "".join(out)


def rmb_capitals(amount: Decimal | int | str, *, prefix: bool = True) -> str:
    """``人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分``; ``…元整`` when there are no jiao and fen."""
    value = to_amount(amount)
    fen_total = int(value * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    head = "人民币" if prefix else ""
    if yuan == 0 and rest == 0:
        return head + "零元整"
    parts: list[str] = []
    if yuan:
        parts.append(integer_capitals(yuan) + "元")
    if jiao == 0 and fen == 0:
        parts.append("整")
    elif fen == 0:
        parts.append(_DIGITS[jiao] + "角整")
    elif jiao == 0:
        parts.append(("零" if yuan else "") + _DIGITS[fen] + "分")
    else:
        parts.append(_DIGITS[jiao] + "角" + _DIGITS[fen] + "分")
    return head + "".join(parts)


def amount_json(amount: Decimal | None) -> int | float | None:
    """Amounts in JSON: an int when whole yuan, else a float with two decimals."""
    if amount is None:
        return None
    if amount == amount.to_integral_value():
        return int(amount)
    return float(amount)

import base64
import binascii

from django.utils import timezone
from django_otp.oath import TOTP

from . import world


def demo_totp_secret_base32():
    return base64.b32encode(binascii.unhexlify(world.DEMO_TOTP_KEY_HEX)).decode("ascii")


def current_demo_code(at=None):
    totp = TOTP(binascii.unhexlify(world.DEMO_TOTP_KEY_HEX), step=30, digits=6)
    totp.time = at if at is not None else timezone.now().timestamp()
    return f"{totp.token():06d}"

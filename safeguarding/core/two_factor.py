"""Setting up and using a TOTP authenticator: the second factor every person must use."""

import base64
import io

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit


def pending_device(user):
    """The unconfirmed device being set up, created on first use so a reload keeps the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def secret_for_typing(device):
    """The base32 secret in groups of four, for people who cannot scan the QR code."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device):
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _verified(request, device):
    """The second factor is accepted: a new session key, so a key learnt before this moment (a fixed or
    leaked cookie from the password step) is worth nothing now that the session is fully signed in."""
    request.session.cycle_key()
    otp_login(request, device)


def confirm_device(request, device):
    """The person typed a correct code from the new device: it becomes their second factor."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record(request.user, "two_factor.set_up", request.user)
    _verified(request, device)
    audit.record(request.user, "auth.signed_in", request.user, {"second_factor": "totp"})


def complete_sign_in(request, device):
    _verified(request, device)
    audit.record(request.user, "auth.signed_in", request.user, {"second_factor": "totp"})

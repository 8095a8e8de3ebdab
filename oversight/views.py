"""Pages of the core app: the home page after signing in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render


@login_required
def home(request):
    if request.user.is_casework_staff:
        return redirect("cases:referral-list")
    return render(request, "oversight/home.html")

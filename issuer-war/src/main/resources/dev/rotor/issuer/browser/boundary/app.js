// The account page: who is signed in, found with the refresh cookie. The access token stays in this function.
'use strict';

(function () {
    const status = document.getElementById('status');
    const csrf = document.querySelector('meta[name="rotor-csrf"]');
    if (!status || !csrf) {
        return;
    }

    function signedOut() {
        const logout = document.getElementById('logout');
        if (logout) {
            logout.hidden = true;
        }
        const link = document.createElement('a');
        link.href = '/login';
        link.textContent = 'Sign in';
        status.replaceChildren('You are not signed in. ', link);
    }

    function signedIn(subject) {
        const who = document.createElement('strong');
        who.id = 'who';
        who.textContent = subject;
        status.replaceChildren('Signed in as ', who);
    }

    async function whoAmI() {
        const token = await fetch('/oauth2/token', {
            method: 'POST',
            credentials: 'same-origin',
            cache: 'no-store',
            headers: {
                'Content-Type': 'application/x-www-form-urlencoded',
                'Accept': 'application/json',
                'X-CSRF-Token': csrf.content
            },
            body: 'grant_type=refresh_token'
        });
        if (!token.ok) {
            return null;
        }
        const accessToken = (await token.json()).access_token;
        const info = await fetch('/userinfo', {
            credentials: 'omit',
            cache: 'no-store',
            headers: {'Authorization': 'Bearer ' + accessToken, 'Accept': 'application/json'}
        });
        return info.ok ? (await info.json()).sub : null;
    }

    whoAmI().then(function (subject) {
        if (typeof subject === 'string' && subject.length > 0) {
            signedIn(subject);
        } else {
            signedOut();
        }
    }, signedOut);
}());

// The app's own interop script. saveToken keeps a token across reloads in localStorage, where any script on the
// page can read it: the C# call that hands it a token is reported (AUTH401), because this file shows what it does.
window.authInterop = {
    saveToken: function (token) {
        localStorage.setItem("refresh_token", token);
    },
    saveTheme: (theme) => localStorage.setItem("theme", theme)
};

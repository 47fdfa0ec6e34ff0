/// An error page: the status and what to do about it.
struct ErrorPage: Sendable {
    var layout: Layout
    var status: Int
    var message: String
    var field: String?
    /// A token is needed: point to the sign-in page.
    var signIn: Bool
}

/// `/sign-in`: a form that keeps a token in a cookie, for browsers on a private server.
struct SignInPage: Sendable {
    var layout: Layout
    var message: String?
    /// Who is signed in, when a session is: the token's name and role.
    var signedInAs: String?
    /// The session's CSRF token, for the sign-out form.
    var csrf: String?
}

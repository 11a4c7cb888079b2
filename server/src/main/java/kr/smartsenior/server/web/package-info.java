/**
 * What every HTTP endpoint shares: errors as RFC 7807 problem documents ({@code ProblemHandler}) raised
 * by the exceptions here ({@link kr.smartsenior.server.web.NotFoundException} 404,
 * {@link kr.smartsenior.server.web.InvalidFieldException} 400, {@link kr.smartsenior.server.web.ConflictException}
 * 409, {@link kr.smartsenior.server.web.UnavailableException} 503), and the validation annotations
 * {@link kr.smartsenior.server.web.PlainText} and {@link kr.smartsenior.server.web.ProtocolId}. Depends on
 * no feature.
 */
package kr.smartsenior.server.web;

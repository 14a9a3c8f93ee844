package nl.mboexchange.node.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security checks what it sends, and returns here with {@code ?error}, {@code ?throttled}
 * (too many failed attempts: refused for a while, whatever the password) or {@code ?logout}.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String throttled,
            @RequestParam(required = false) String logout,
            Model model) {
        model.addAttribute("failed", error != null || throttled != null);
        model.addAttribute("throttled", throttled != null);
        model.addAttribute("signedOut", logout != null);
        return "console/login";
    }
}

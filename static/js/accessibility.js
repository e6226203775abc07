/* 无障碍 / 适老化 (disclosure_portal/accessibility.py renders the same state without this file):
   switches the font size and the modes in place and keeps them in the same cookies, draws the
   指读 guide line and magnified caption, and reads the main text aloud with the browser's own
   speech synthesis (window.speechSynthesis: nothing leaves the visitor's computer). */
(function () {
    "use strict";
    var bar = document.querySelector("[data-a11y-bar]");
    if (!bar) {
        return;
    }
    var root = document.documentElement;
    var SIZES = ["large", "medium", "small"];
    var MODES = ["elder", "large", "contrast", "guide"];
    var YEAR = 365 * 24 * 3600;
    var text = bar.dataset;
    var status = bar.querySelector("[data-a11y-status]");
    var readButton = bar.querySelector("[data-a11y-read]");

    function currentSize() {
        for (var i = 0; i < SIZES.length; i++) {
            if (root.classList.contains("font-" + SIZES[i])) {
                return SIZES[i];
            }
        }
        return "medium";
    }

    function currentModes() {
        return MODES.filter(function (mode) {
            return root.classList.contains("a11y-" + mode);
        });
    }

    function say(message) {
        status.textContent = message || "";
    }

    function setCookie(name, value) {
        var secure = location.protocol === "https:" ? "; secure" : "";
        document.cookie = name + "=" + value + "; path=/; max-age=" + YEAR + "; samesite=lax" + secure;
    }

    function apply(size, modes) {
        SIZES.forEach(function (each) {
            root.classList.toggle("font-" + each, each === size);
        });
        MODES.forEach(function (mode) {
            root.classList.toggle("a11y-" + mode, modes.indexOf(mode) !== -1);
        });
        bar.querySelectorAll("[data-a11y-size]").forEach(function (link) {
            if (link.dataset.a11ySize === size) {
                link.setAttribute("aria-current", "true");
            } else {
                link.removeAttribute("aria-current");
            }
        });
        bar.querySelectorAll("[data-a11y-mode]:not([data-a11y-set])").forEach(function (link) {
            var on = modes.indexOf(link.dataset.a11yMode) !== -1;
            link.querySelector("[data-a11y-state]").textContent = on ? text.msgOn : "";
            var url = new URL(link.href, location.href);
            url.searchParams.set("on", on ? "0" : "1");
            link.href = url.pathname + url.search;
        });
        setCookie(bar.dataset.fontCookie, size);
        setCookie(bar.dataset.modeCookie, modes.join("."));
        guide(modes.indexOf("guide") !== -1);
        if (modes.indexOf("elder") === -1) {
            stopReading();
        }
    }

    // the same rules as accessibility._updated on the server
    bar.addEventListener("click", function (event) {
        var link = event.target.closest("a[data-a11y-size], a[data-a11y-mode]");
        if (!link || event.ctrlKey || event.metaKey || event.shiftKey) {
            return;
        }
        event.preventDefault();
        var size = link.dataset.a11ySize || currentSize();
        var modes = currentModes();
        var mode = link.dataset.a11yMode;
        var focusNext = link;
        if (mode) {
            var on = link.dataset.a11ySet ? link.dataset.a11ySet === "1" : modes.indexOf(mode) === -1;
            if (on && modes.indexOf(mode) === -1) {
                modes.push(mode);
            }
            if (on && modes.indexOf("elder") === -1) {
                modes.push("elder");
            }
            if (!on) {
                modes = mode === "elder" ? [] : modes.filter(function (each) { return each !== mode; });
            }
            if (mode === "elder") {
                // the link just used disappears: keep the focus in the toolbar
                focusNext = bar.querySelector(on ? ".a11y-tools a" : ".a11y-enter");
                say(on ? text.msgEntered : text.msgLeft);
            }
        }
        apply(size, MODES.filter(function (each) { return modes.indexOf(each) !== -1; }));
        focusNext.focus();
    });

    /* 指读: a line under the pointer (or below the focused element) and the block's text magnified */
    var line = null;
    var caption = null;
    var BLOCKS = "p, li, tr, h1, h2, h3, h4, dd, dt, caption, figcaption";

    function showCaption(target) {
        var block = target && target.closest && target.closest("main " + BLOCKS.split(", ").join(", main "));
        caption.textContent = block ? block.innerText.replace(/\s+/g, " ").trim().slice(0, 240) : "";
    }

    function onMove(event) {
        line.style.top = event.clientY + 6 + "px";
        showCaption(event.target);
    }

    function onFocus(event) {
        var box = event.target.getBoundingClientRect();
        line.style.top = box.bottom + 3 + "px";
        showCaption(event.target);
    }

    function guide(on) {
        if (on && !line) {
            line = document.createElement("div");
            line.className = "a11y-guide-line";
            line.setAttribute("aria-hidden", "true");
            caption = document.createElement("p");
            caption.className = "a11y-caption";
            caption.setAttribute("aria-hidden", "true");
            document.body.append(line, caption);
            document.addEventListener("mousemove", onMove, { passive: true });
            document.addEventListener("focusin", onFocus);
        } else if (!on && line) {
            document.removeEventListener("mousemove", onMove);
            document.removeEventListener("focusin", onFocus);
            line.remove();
            caption.remove();
            line = caption = null;
        }
    }

    /* 朗读: the main text, sentence by sentence (long utterances stop early in some browsers) */
    var reading = false;

    function setReading(on) {
        reading = on;
        readButton.setAttribute("aria-pressed", on ? "true" : "false");
        readButton.textContent = on ? text.msgStop : text.msgRead;
    }

    function stopReading() {
        if (reading) {
            window.speechSynthesis.cancel();
            setReading(false);
        }
    }

    function mainText() {
        var main = document.querySelector("main");
        var parts = [];
        main.querySelectorAll(BLOCKS + ", th, td").forEach(function (block) {
            var nested = block.parentElement.closest(BLOCKS + ", th, td");
            if (block.closest("form, nav, [hidden], [aria-hidden='true']") || (nested && main.contains(nested))) {
                return;
            }
            var words = block.innerText.replace(/\s+/g, " ").trim();
            if (words) {
                parts.push(words);
            }
        });
        return parts.join("。\n");
    }

    function sentences(words) {
        var pieces = words.match(/[^。！？；\n]+[。！？；\n]*/g) || [];
        var out = [];
        pieces.forEach(function (piece) {
            for (var i = 0; i < piece.length; i += 120) {
                out.push(piece.slice(i, i + 120));
            }
        });
        return out;
    }

    function withVoices(callback) {
        var synth = window.speechSynthesis;
        var done = false;
        function finish() {
            if (!done) {
                done = true;
                callback(synth.getVoices());
            }
        }
        if (synth.getVoices().length) {
            finish();
            return;
        }
        synth.addEventListener("voiceschanged", finish, { once: true });
        setTimeout(finish, 1500);
    }

    function read() {
        if (reading) {
            stopReading();
            say(text.msgStopped);
            return;
        }
        if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
            say(text.msgNoSpeech);
            return;
        }
        say("");
        withVoices(function (voices) {
            var voice = voices.filter(function (each) { return /^zh/i.test(each.lang); })[0];
            if (!voice) {
                say(text.msgNoVoice);
                return;
            }
            var queue = sentences(mainText());
            if (!queue.length) {
                return;
            }
            setReading(true);
            say(text.msgReading);
            queue.forEach(function (sentence, index) {
                var utterance = new SpeechSynthesisUtterance(sentence);
                utterance.voice = voice;
                utterance.lang = voice.lang;
                utterance.rate = 0.9;
                if (index === queue.length - 1) {
                    utterance.onend = function () {
                        setReading(false);
                        say(text.msgDone);
                    };
                }
                window.speechSynthesis.speak(utterance);
            });
        });
    }

    readButton.hidden = false;
    readButton.addEventListener("click", read);
    window.addEventListener("pagehide", stopReading);
    guide(root.classList.contains("a11y-guide"));
})();

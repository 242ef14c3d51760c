import { createRequire } from 'module'; const require = createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to2, from2, except, desc) => {
  if (from2 && typeof from2 === "object" || typeof from2 === "function") {
    for (let key2 of __getOwnPropNames(from2))
      if (!__hasOwnProp.call(to2, key2) && key2 !== except)
        __defProp(to2, key2, { get: () => from2[key2], enumerable: !(desc = __getOwnPropDesc(from2, key2)) || desc.enumerable });
  }
  return to2;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/function.js
var require_function = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/function.js"(exports) {
    "use strict";
    var __spreadArray = exports && exports.__spreadArray || function(to2, from2, pack) {
      if (pack || arguments.length === 2) for (var i = 0, l = from2.length, ar; i < l; i++) {
        if (ar || !(i in from2)) {
          if (!ar) ar = Array.prototype.slice.call(from2, 0, i);
          ar[i] = from2[i];
        }
      }
      return to2.concat(ar || Array.prototype.slice.call(from2));
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dual = exports.getEndomorphismMonoid = exports.SK = exports.hole = exports.constVoid = exports.constUndefined = exports.constNull = exports.constFalse = exports.constTrue = exports.unsafeCoerce = exports.apply = exports.getRing = exports.getSemiring = exports.getMonoid = exports.getSemigroup = exports.getBooleanAlgebra = void 0;
    exports.identity = identity7;
    exports.constant = constant;
    exports.flip = flip;
    exports.flow = flow;
    exports.tuple = tuple;
    exports.increment = increment;
    exports.decrement = decrement;
    exports.absurd = absurd;
    exports.tupled = tupled;
    exports.untupled = untupled;
    exports.pipe = pipe;
    exports.not = not;
    var getBooleanAlgebra = function(B) {
      return function() {
        return {
          meet: function(x, y) {
            return function(a) {
              return B.meet(x(a), y(a));
            };
          },
          join: function(x, y) {
            return function(a) {
              return B.join(x(a), y(a));
            };
          },
          zero: function() {
            return B.zero;
          },
          one: function() {
            return B.one;
          },
          implies: function(x, y) {
            return function(a) {
              return B.implies(x(a), y(a));
            };
          },
          not: function(x) {
            return function(a) {
              return B.not(x(a));
            };
          }
        };
      };
    };
    exports.getBooleanAlgebra = getBooleanAlgebra;
    var getSemigroup = function(S) {
      return function() {
        return {
          concat: function(f, g) {
            return function(a) {
              return S.concat(f(a), g(a));
            };
          }
        };
      };
    };
    exports.getSemigroup = getSemigroup;
    var getMonoid = function(M) {
      var getSemigroupM = (0, exports.getSemigroup)(M);
      return function() {
        return {
          concat: getSemigroupM().concat,
          empty: function() {
            return M.empty;
          }
        };
      };
    };
    exports.getMonoid = getMonoid;
    var getSemiring = function(S) {
      return {
        add: function(f, g) {
          return function(x) {
            return S.add(f(x), g(x));
          };
        },
        zero: function() {
          return S.zero;
        },
        mul: function(f, g) {
          return function(x) {
            return S.mul(f(x), g(x));
          };
        },
        one: function() {
          return S.one;
        }
      };
    };
    exports.getSemiring = getSemiring;
    var getRing = function(R) {
      var S = (0, exports.getSemiring)(R);
      return {
        add: S.add,
        mul: S.mul,
        one: S.one,
        zero: S.zero,
        sub: function(f, g) {
          return function(x) {
            return R.sub(f(x), g(x));
          };
        }
      };
    };
    exports.getRing = getRing;
    var apply = function(a) {
      return function(f) {
        return f(a);
      };
    };
    exports.apply = apply;
    function identity7(a) {
      return a;
    }
    exports.unsafeCoerce = identity7;
    function constant(a) {
      return function() {
        return a;
      };
    }
    exports.constTrue = constant(true);
    exports.constFalse = constant(false);
    exports.constNull = constant(null);
    exports.constUndefined = constant(void 0);
    exports.constVoid = exports.constUndefined;
    function flip(f) {
      return function() {
        var args = [];
        for (var _i = 0; _i < arguments.length; _i++) {
          args[_i] = arguments[_i];
        }
        if (args.length > 1) {
          return f(args[1], args[0]);
        }
        return function(a) {
          return f(a)(args[0]);
        };
      };
    }
    function flow(ab, bc, cd, de, ef, fg, gh, hi, ij) {
      switch (arguments.length) {
        case 1:
          return ab;
        case 2:
          return function() {
            return bc(ab.apply(this, arguments));
          };
        case 3:
          return function() {
            return cd(bc(ab.apply(this, arguments)));
          };
        case 4:
          return function() {
            return de(cd(bc(ab.apply(this, arguments))));
          };
        case 5:
          return function() {
            return ef(de(cd(bc(ab.apply(this, arguments)))));
          };
        case 6:
          return function() {
            return fg(ef(de(cd(bc(ab.apply(this, arguments))))));
          };
        case 7:
          return function() {
            return gh(fg(ef(de(cd(bc(ab.apply(this, arguments)))))));
          };
        case 8:
          return function() {
            return hi(gh(fg(ef(de(cd(bc(ab.apply(this, arguments))))))));
          };
        case 9:
          return function() {
            return ij(hi(gh(fg(ef(de(cd(bc(ab.apply(this, arguments)))))))));
          };
      }
      return;
    }
    function tuple() {
      var t20 = [];
      for (var _i = 0; _i < arguments.length; _i++) {
        t20[_i] = arguments[_i];
      }
      return t20;
    }
    function increment(n) {
      return n + 1;
    }
    function decrement(n) {
      return n - 1;
    }
    function absurd(_) {
      throw new Error("Called `absurd` function which should be uncallable");
    }
    function tupled(f) {
      return function(a) {
        return f.apply(void 0, a);
      };
    }
    function untupled(f) {
      return function() {
        var a = [];
        for (var _i = 0; _i < arguments.length; _i++) {
          a[_i] = arguments[_i];
        }
        return f(a);
      };
    }
    function pipe(a, ab, bc, cd, de, ef, fg, gh, hi) {
      switch (arguments.length) {
        case 1:
          return a;
        case 2:
          return ab(a);
        case 3:
          return bc(ab(a));
        case 4:
          return cd(bc(ab(a)));
        case 5:
          return de(cd(bc(ab(a))));
        case 6:
          return ef(de(cd(bc(ab(a)))));
        case 7:
          return fg(ef(de(cd(bc(ab(a))))));
        case 8:
          return gh(fg(ef(de(cd(bc(ab(a)))))));
        case 9:
          return hi(gh(fg(ef(de(cd(bc(ab(a))))))));
        default: {
          var ret = arguments[0];
          for (var i = 1; i < arguments.length; i++) {
            ret = arguments[i](ret);
          }
          return ret;
        }
      }
    }
    exports.hole = absurd;
    var SK = function(_, b) {
      return b;
    };
    exports.SK = SK;
    function not(predicate) {
      return function(a) {
        return !predicate(a);
      };
    }
    var getEndomorphismMonoid = function() {
      return {
        concat: function(first, second) {
          return flow(first, second);
        },
        empty: identity7
      };
    };
    exports.getEndomorphismMonoid = getEndomorphismMonoid;
    var dual = function(arity, body) {
      var isDataFirst = typeof arity === "number" ? function(args) {
        return args.length >= arity;
      } : arity;
      return function() {
        var args = Array.from(arguments);
        if (isDataFirst(arguments)) {
          return body.apply(this, args);
        }
        return function(self) {
          return body.apply(void 0, __spreadArray([self], args, false));
        };
      };
    };
    exports.dual = dual;
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/internal.js
var require_internal = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/internal.js"(exports) {
    "use strict";
    var __spreadArray = exports && exports.__spreadArray || function(to2, from2, pack) {
      if (pack || arguments.length === 2) for (var i = 0, l = from2.length, ar; i < l; i++) {
        if (ar || !(i in from2)) {
          if (!ar) ar = Array.prototype.slice.call(from2, 0, i);
          ar[i] = from2[i];
        }
      }
      return to2.concat(ar || Array.prototype.slice.call(from2));
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.flatMapReader = exports.flatMapTask = exports.flatMapIO = exports.flatMapEither = exports.flatMapOption = exports.flatMapNullable = exports.liftOption = exports.liftNullable = exports.fromReadonlyNonEmptyArray = exports.has = exports.emptyRecord = exports.emptyReadonlyArray = exports.tail = exports.head = exports.isNonEmpty = exports.singleton = exports.right = exports.left = exports.isRight = exports.isLeft = exports.some = exports.none = exports.isSome = exports.isNone = void 0;
    var function_1 = require_function();
    var isNone = function(fa) {
      return fa._tag === "None";
    };
    exports.isNone = isNone;
    var isSome = function(fa) {
      return fa._tag === "Some";
    };
    exports.isSome = isSome;
    exports.none = { _tag: "None" };
    var some = function(a) {
      return { _tag: "Some", value: a };
    };
    exports.some = some;
    var isLeft3 = function(ma) {
      return ma._tag === "Left";
    };
    exports.isLeft = isLeft3;
    var isRight3 = function(ma) {
      return ma._tag === "Right";
    };
    exports.isRight = isRight3;
    var left4 = function(e) {
      return { _tag: "Left", left: e };
    };
    exports.left = left4;
    var right3 = function(a) {
      return { _tag: "Right", right: a };
    };
    exports.right = right3;
    var singleton = function(a) {
      return [a];
    };
    exports.singleton = singleton;
    var isNonEmpty = function(as) {
      return as.length > 0;
    };
    exports.isNonEmpty = isNonEmpty;
    var head = function(as) {
      return as[0];
    };
    exports.head = head;
    var tail = function(as) {
      return as.slice(1);
    };
    exports.tail = tail;
    exports.emptyReadonlyArray = [];
    exports.emptyRecord = {};
    exports.has = Object.prototype.hasOwnProperty;
    var fromReadonlyNonEmptyArray = function(as) {
      return __spreadArray([as[0]], as.slice(1), true);
    };
    exports.fromReadonlyNonEmptyArray = fromReadonlyNonEmptyArray;
    var liftNullable = function(F) {
      return function(f, onNullable) {
        return function() {
          var a = [];
          for (var _i = 0; _i < arguments.length; _i++) {
            a[_i] = arguments[_i];
          }
          var o = f.apply(void 0, a);
          return F.fromEither(o == null ? (0, exports.left)(onNullable.apply(void 0, a)) : (0, exports.right)(o));
        };
      };
    };
    exports.liftNullable = liftNullable;
    var liftOption = function(F) {
      return function(f, onNone) {
        return function() {
          var a = [];
          for (var _i = 0; _i < arguments.length; _i++) {
            a[_i] = arguments[_i];
          }
          var o = f.apply(void 0, a);
          return F.fromEither((0, exports.isNone)(o) ? (0, exports.left)(onNone.apply(void 0, a)) : (0, exports.right)(o.value));
        };
      };
    };
    exports.liftOption = liftOption;
    var flatMapNullable = function(F, M) {
      return /* @__PURE__ */ (0, function_1.dual)(3, function(self, f, onNullable) {
        return M.flatMap(self, (0, exports.liftNullable)(F)(f, onNullable));
      });
    };
    exports.flatMapNullable = flatMapNullable;
    var flatMapOption = function(F, M) {
      return /* @__PURE__ */ (0, function_1.dual)(3, function(self, f, onNone) {
        return M.flatMap(self, (0, exports.liftOption)(F)(f, onNone));
      });
    };
    exports.flatMapOption = flatMapOption;
    var flatMapEither = function(F, M) {
      return /* @__PURE__ */ (0, function_1.dual)(2, function(self, f) {
        return M.flatMap(self, function(a) {
          return F.fromEither(f(a));
        });
      });
    };
    exports.flatMapEither = flatMapEither;
    var flatMapIO = function(F, M) {
      return /* @__PURE__ */ (0, function_1.dual)(2, function(self, f) {
        return M.flatMap(self, function(a) {
          return F.fromIO(f(a));
        });
      });
    };
    exports.flatMapIO = flatMapIO;
    var flatMapTask = function(F, M) {
      return /* @__PURE__ */ (0, function_1.dual)(2, function(self, f) {
        return M.flatMap(self, function(a) {
          return F.fromTask(f(a));
        });
      });
    };
    exports.flatMapTask = flatMapTask;
    var flatMapReader = function(F, M) {
      return /* @__PURE__ */ (0, function_1.dual)(2, function(self, f) {
        return M.flatMap(self, function(a) {
          return F.fromReader(f(a));
        });
      });
    };
    exports.flatMapReader = flatMapReader;
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Apply.js
var require_Apply = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Apply.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ap = ap;
    exports.apFirst = apFirst;
    exports.apSecond = apSecond;
    exports.apS = apS;
    exports.getApplySemigroup = getApplySemigroup;
    exports.sequenceT = sequenceT;
    exports.sequenceS = sequenceS;
    var function_1 = require_function();
    var _ = __importStar(require_internal());
    function ap(F, G) {
      return function(fa) {
        return function(fab) {
          return F.ap(F.map(fab, function(gab) {
            return function(ga) {
              return G.ap(gab, ga);
            };
          }), fa);
        };
      };
    }
    function apFirst(A) {
      return function(second) {
        return function(first) {
          return A.ap(A.map(first, function(a) {
            return function() {
              return a;
            };
          }), second);
        };
      };
    }
    function apSecond(A) {
      return function(second) {
        return function(first) {
          return A.ap(A.map(first, function() {
            return function(b) {
              return b;
            };
          }), second);
        };
      };
    }
    function apS(F) {
      return function(name, fb) {
        return function(fa) {
          return F.ap(F.map(fa, function(a) {
            return function(b) {
              var _a;
              return Object.assign({}, a, (_a = {}, _a[name] = b, _a));
            };
          }), fb);
        };
      };
    }
    function getApplySemigroup(F) {
      return function(S) {
        return {
          concat: function(first, second) {
            return F.ap(F.map(first, function(x) {
              return function(y) {
                return S.concat(x, y);
              };
            }), second);
          }
        };
      };
    }
    function curried(f, n, acc) {
      return function(x) {
        var combined = Array(acc.length + 1);
        for (var i = 0; i < acc.length; i++) {
          combined[i] = acc[i];
        }
        combined[acc.length] = x;
        return n === 0 ? f.apply(null, combined) : curried(f, n - 1, combined);
      };
    }
    var tupleConstructors = {
      1: function(a) {
        return [a];
      },
      2: function(a) {
        return function(b) {
          return [a, b];
        };
      },
      3: function(a) {
        return function(b) {
          return function(c) {
            return [a, b, c];
          };
        };
      },
      4: function(a) {
        return function(b) {
          return function(c) {
            return function(d) {
              return [a, b, c, d];
            };
          };
        };
      },
      5: function(a) {
        return function(b) {
          return function(c) {
            return function(d) {
              return function(e) {
                return [a, b, c, d, e];
              };
            };
          };
        };
      }
    };
    function getTupleConstructor(len) {
      if (!_.has.call(tupleConstructors, len)) {
        tupleConstructors[len] = curried(function_1.tuple, len - 1, []);
      }
      return tupleConstructors[len];
    }
    function sequenceT(F) {
      return function() {
        var args = [];
        for (var _i = 0; _i < arguments.length; _i++) {
          args[_i] = arguments[_i];
        }
        var len = args.length;
        var f = getTupleConstructor(len);
        var fas = F.map(args[0], f);
        for (var i = 1; i < len; i++) {
          fas = F.ap(fas, args[i]);
        }
        return fas;
      };
    }
    function getRecordConstructor(keys) {
      var len = keys.length;
      switch (len) {
        case 1:
          return function(a) {
            var _a;
            return _a = {}, _a[keys[0]] = a, _a;
          };
        case 2:
          return function(a) {
            return function(b) {
              var _a;
              return _a = {}, _a[keys[0]] = a, _a[keys[1]] = b, _a;
            };
          };
        case 3:
          return function(a) {
            return function(b) {
              return function(c) {
                var _a;
                return _a = {}, _a[keys[0]] = a, _a[keys[1]] = b, _a[keys[2]] = c, _a;
              };
            };
          };
        case 4:
          return function(a) {
            return function(b) {
              return function(c) {
                return function(d) {
                  var _a;
                  return _a = {}, _a[keys[0]] = a, _a[keys[1]] = b, _a[keys[2]] = c, _a[keys[3]] = d, _a;
                };
              };
            };
          };
        case 5:
          return function(a) {
            return function(b) {
              return function(c) {
                return function(d) {
                  return function(e) {
                    var _a;
                    return _a = {}, _a[keys[0]] = a, _a[keys[1]] = b, _a[keys[2]] = c, _a[keys[3]] = d, _a[keys[4]] = e, _a;
                  };
                };
              };
            };
          };
        default:
          return curried(function() {
            var args = [];
            for (var _i = 0; _i < arguments.length; _i++) {
              args[_i] = arguments[_i];
            }
            var r = {};
            for (var i = 0; i < len; i++) {
              r[keys[i]] = args[i];
            }
            return r;
          }, len - 1, []);
      }
    }
    function sequenceS(F) {
      return function(r) {
        var keys = Object.keys(r);
        var len = keys.length;
        var f = getRecordConstructor(keys);
        var fr = F.map(r[keys[0]], f);
        for (var i = 1; i < len; i++) {
          fr = F.ap(fr, r[keys[i]]);
        }
        return fr;
      };
    }
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Functor.js
var require_Functor = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Functor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.map = map2;
    exports.flap = flap;
    exports.bindTo = bindTo;
    exports.let = let_;
    exports.getFunctorComposition = getFunctorComposition;
    exports.as = as;
    exports.asUnit = asUnit;
    var function_1 = require_function();
    function map2(F, G) {
      return function(f) {
        return function(fa) {
          return F.map(fa, function(ga) {
            return G.map(ga, f);
          });
        };
      };
    }
    function flap(F) {
      return function(a) {
        return function(fab) {
          return F.map(fab, function(f) {
            return f(a);
          });
        };
      };
    }
    function bindTo(F) {
      return function(name) {
        return function(fa) {
          return F.map(fa, function(a) {
            var _a;
            return _a = {}, _a[name] = a, _a;
          });
        };
      };
    }
    function let_(F) {
      return function(name, f) {
        return function(fa) {
          return F.map(fa, function(a) {
            var _a;
            return Object.assign({}, a, (_a = {}, _a[name] = f(a), _a));
          });
        };
      };
    }
    function getFunctorComposition(F, G) {
      var _map = map2(F, G);
      return {
        map: function(fga, f) {
          return (0, function_1.pipe)(fga, _map(f));
        }
      };
    }
    function as(F) {
      return function(self, b) {
        return F.map(self, function() {
          return b;
        });
      };
    }
    function asUnit(F) {
      var asM = as(F);
      return function(self) {
        return asM(self, void 0);
      };
    }
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Applicative.js
var require_Applicative = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Applicative.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getApplicativeMonoid = getApplicativeMonoid;
    exports.getApplicativeComposition = getApplicativeComposition;
    var Apply_1 = require_Apply();
    var function_1 = require_function();
    var Functor_1 = require_Functor();
    function getApplicativeMonoid(F) {
      var f = (0, Apply_1.getApplySemigroup)(F);
      return function(M) {
        return {
          concat: f(M).concat,
          empty: F.of(M.empty)
        };
      };
    }
    function getApplicativeComposition(F, G) {
      var map2 = (0, Functor_1.getFunctorComposition)(F, G).map;
      var _ap = (0, Apply_1.ap)(F, G);
      return {
        map: map2,
        of: function(a) {
          return F.of(G.of(a));
        },
        ap: function(fgab, fga) {
          return (0, function_1.pipe)(fgab, _ap(fga));
        }
      };
    }
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Chain.js
var require_Chain = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Chain.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.chainFirst = chainFirst;
    exports.tap = tap;
    exports.bind = bind;
    function chainFirst(M) {
      var tapM = tap(M);
      return function(f) {
        return function(first) {
          return tapM(first, f);
        };
      };
    }
    function tap(M) {
      return function(first, f) {
        return M.chain(first, function(a) {
          return M.map(f(a), function() {
            return a;
          });
        });
      };
    }
    function bind(M) {
      return function(name, f) {
        return function(ma) {
          return M.chain(ma, function(a) {
            return M.map(f(a), function(b) {
              var _a;
              return Object.assign({}, a, (_a = {}, _a[name] = b, _a));
            });
          });
        };
      };
    }
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/ChainRec.js
var require_ChainRec = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/ChainRec.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.tailRec = void 0;
    var tailRec = function(startWith, f) {
      var ab = f(startWith);
      while (ab._tag === "Left") {
        ab = f(ab.left);
      }
      return ab.right;
    };
    exports.tailRec = tailRec;
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/FromEither.js
var require_FromEither = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/FromEither.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fromOption = fromOption;
    exports.fromPredicate = fromPredicate;
    exports.fromOptionK = fromOptionK;
    exports.chainOptionK = chainOptionK;
    exports.fromEitherK = fromEitherK;
    exports.chainEitherK = chainEitherK;
    exports.chainFirstEitherK = chainFirstEitherK;
    exports.filterOrElse = filterOrElse;
    exports.tapEither = tapEither;
    var Chain_1 = require_Chain();
    var function_1 = require_function();
    var _ = __importStar(require_internal());
    function fromOption(F) {
      return function(onNone) {
        return function(ma) {
          return F.fromEither(_.isNone(ma) ? _.left(onNone()) : _.right(ma.value));
        };
      };
    }
    function fromPredicate(F) {
      return function(predicate, onFalse) {
        return function(a) {
          return F.fromEither(predicate(a) ? _.right(a) : _.left(onFalse(a)));
        };
      };
    }
    function fromOptionK(F) {
      var fromOptionF = fromOption(F);
      return function(onNone) {
        var from2 = fromOptionF(onNone);
        return function(f) {
          return (0, function_1.flow)(f, from2);
        };
      };
    }
    function chainOptionK(F, M) {
      var fromOptionKF = fromOptionK(F);
      return function(onNone) {
        var from2 = fromOptionKF(onNone);
        return function(f) {
          return function(ma) {
            return M.chain(ma, from2(f));
          };
        };
      };
    }
    function fromEitherK(F) {
      return function(f) {
        return (0, function_1.flow)(f, F.fromEither);
      };
    }
    function chainEitherK(F, M) {
      var fromEitherKF = fromEitherK(F);
      return function(f) {
        return function(ma) {
          return M.chain(ma, fromEitherKF(f));
        };
      };
    }
    function chainFirstEitherK(F, M) {
      var tapEitherM = tapEither(F, M);
      return function(f) {
        return function(ma) {
          return tapEitherM(ma, f);
        };
      };
    }
    function filterOrElse(F, M) {
      return function(predicate, onFalse) {
        return function(ma) {
          return M.chain(ma, function(a) {
            return F.fromEither(predicate(a) ? _.right(a) : _.left(onFalse(a)));
          });
        };
      };
    }
    function tapEither(F, M) {
      var fromEither = fromEitherK(F);
      var tapM = (0, Chain_1.tap)(M);
      return function(self, f) {
        return tapM(self, fromEither(f));
      };
    }
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Separated.js
var require_Separated = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Separated.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.right = exports.left = exports.flap = exports.Functor = exports.Bifunctor = exports.URI = exports.bimap = exports.mapLeft = exports.map = exports.separated = void 0;
    var function_1 = require_function();
    var Functor_1 = require_Functor();
    var separated = function(left5, right4) {
      return { left: left5, right: right4 };
    };
    exports.separated = separated;
    var _map = function(fa, f) {
      return (0, function_1.pipe)(fa, (0, exports.map)(f));
    };
    var _mapLeft = function(fa, f) {
      return (0, function_1.pipe)(fa, (0, exports.mapLeft)(f));
    };
    var _bimap = function(fa, g, f) {
      return (0, function_1.pipe)(fa, (0, exports.bimap)(g, f));
    };
    var map2 = function(f) {
      return function(fa) {
        return (0, exports.separated)((0, exports.left)(fa), f((0, exports.right)(fa)));
      };
    };
    exports.map = map2;
    var mapLeft2 = function(f) {
      return function(fa) {
        return (0, exports.separated)(f((0, exports.left)(fa)), (0, exports.right)(fa));
      };
    };
    exports.mapLeft = mapLeft2;
    var bimap = function(f, g) {
      return function(fa) {
        return (0, exports.separated)(f((0, exports.left)(fa)), g((0, exports.right)(fa)));
      };
    };
    exports.bimap = bimap;
    exports.URI = "Separated";
    exports.Bifunctor = {
      URI: exports.URI,
      mapLeft: _mapLeft,
      bimap: _bimap
    };
    exports.Functor = {
      URI: exports.URI,
      map: _map
    };
    exports.flap = (0, Functor_1.flap)(exports.Functor);
    var left4 = function(s) {
      return s.left;
    };
    exports.left = left4;
    var right3 = function(s) {
      return s.right;
    };
    exports.right = right3;
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Witherable.js
var require_Witherable = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Witherable.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.wiltDefault = wiltDefault;
    exports.witherDefault = witherDefault;
    exports.filterE = filterE;
    var _ = __importStar(require_internal());
    function wiltDefault(T, C) {
      return function(F) {
        var traverseF = T.traverse(F);
        return function(wa, f) {
          return F.map(traverseF(wa, f), C.separate);
        };
      };
    }
    function witherDefault(T, C) {
      return function(F) {
        var traverseF = T.traverse(F);
        return function(wa, f) {
          return F.map(traverseF(wa, f), C.compact);
        };
      };
    }
    function filterE(W) {
      return function(F) {
        var witherF = W.wither(F);
        return function(predicate) {
          return function(ga) {
            return witherF(ga, function(a) {
              return F.map(predicate(a), function(b) {
                return b ? _.some(a) : _.none;
              });
            });
          };
        };
      };
    }
  }
});

// ../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Either.js
var require_Either = __commonJS({
  "../node_modules/.pnpm/fp-ts@2.16.11/node_modules/fp-ts/lib/Either.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.match = exports.foldW = exports.matchW = exports.isRight = exports.isLeft = exports.fromOption = exports.fromPredicate = exports.FromEither = exports.MonadThrow = exports.throwError = exports.ChainRec = exports.Extend = exports.extend = exports.Alt = exports.alt = exports.altW = exports.Bifunctor = exports.mapLeft = exports.bimap = exports.Traversable = exports.sequence = exports.traverse = exports.Foldable = exports.reduceRight = exports.foldMap = exports.reduce = exports.Monad = exports.Chain = exports.Applicative = exports.Apply = exports.ap = exports.apW = exports.Pointed = exports.of = exports.asUnit = exports.as = exports.Functor = exports.map = exports.getAltValidation = exports.getApplicativeValidation = exports.getWitherable = exports.getFilterable = exports.getCompactable = exports.getSemigroup = exports.getEq = exports.getShow = exports.URI = exports.flatMap = exports.right = exports.left = void 0;
    exports.either = exports.stringifyJSON = exports.chainFirstW = exports.chainFirst = exports.chain = exports.chainW = exports.sequenceArray = exports.traverseArray = exports.traverseArrayWithIndex = exports.traverseReadonlyArrayWithIndex = exports.traverseReadonlyNonEmptyArrayWithIndex = exports.ApT = exports.apSW = exports.apS = exports.bindW = exports.bind = exports.let = exports.bindTo = exports.Do = exports.exists = exports.toUnion = exports.chainNullableK = exports.fromNullableK = exports.tryCatchK = exports.tryCatch = exports.fromNullable = exports.orElse = exports.orElseW = exports.swap = exports.filterOrElseW = exports.filterOrElse = exports.flatMapOption = exports.flatMapNullable = exports.liftOption = exports.liftNullable = exports.chainOptionKW = exports.chainOptionK = exports.fromOptionK = exports.duplicate = exports.flatten = exports.flattenW = exports.tap = exports.apSecondW = exports.apSecond = exports.apFirstW = exports.apFirst = exports.flap = exports.getOrElse = exports.getOrElseW = exports.fold = void 0;
    exports.getValidationMonoid = exports.getValidationSemigroup = exports.getApplyMonoid = exports.getApplySemigroup = void 0;
    exports.toError = toError;
    exports.elem = elem;
    exports.parseJSON = parseJSON;
    exports.getValidation = getValidation;
    var Applicative_1 = require_Applicative();
    var Apply_1 = require_Apply();
    var chainable = __importStar(require_Chain());
    var ChainRec_1 = require_ChainRec();
    var FromEither_1 = require_FromEither();
    var function_1 = require_function();
    var Functor_1 = require_Functor();
    var _ = __importStar(require_internal());
    var Separated_1 = require_Separated();
    var Witherable_1 = require_Witherable();
    exports.left = _.left;
    exports.right = _.right;
    exports.flatMap = (0, function_1.dual)(2, function(ma, f) {
      return (0, exports.isLeft)(ma) ? ma : f(ma.right);
    });
    var _map = function(fa, f) {
      return (0, function_1.pipe)(fa, (0, exports.map)(f));
    };
    var _ap = function(fab, fa) {
      return (0, function_1.pipe)(fab, (0, exports.ap)(fa));
    };
    var _reduce = function(fa, b, f) {
      return (0, function_1.pipe)(fa, (0, exports.reduce)(b, f));
    };
    var _foldMap = function(M) {
      return function(fa, f) {
        var foldMapM = (0, exports.foldMap)(M);
        return (0, function_1.pipe)(fa, foldMapM(f));
      };
    };
    var _reduceRight = function(fa, b, f) {
      return (0, function_1.pipe)(fa, (0, exports.reduceRight)(b, f));
    };
    var _traverse = function(F) {
      var traverseF = (0, exports.traverse)(F);
      return function(ta, f) {
        return (0, function_1.pipe)(ta, traverseF(f));
      };
    };
    var _bimap = function(fa, f, g) {
      return (0, function_1.pipe)(fa, (0, exports.bimap)(f, g));
    };
    var _mapLeft = function(fa, f) {
      return (0, function_1.pipe)(fa, (0, exports.mapLeft)(f));
    };
    var _alt = function(fa, that) {
      return (0, function_1.pipe)(fa, (0, exports.alt)(that));
    };
    var _extend = function(wa, f) {
      return (0, function_1.pipe)(wa, (0, exports.extend)(f));
    };
    var _chainRec = function(a, f) {
      return (0, ChainRec_1.tailRec)(f(a), function(e) {
        return (0, exports.isLeft)(e) ? (0, exports.right)((0, exports.left)(e.left)) : (0, exports.isLeft)(e.right) ? (0, exports.left)(f(e.right.left)) : (0, exports.right)((0, exports.right)(e.right.right));
      });
    };
    exports.URI = "Either";
    var getShow = function(SE, SA) {
      return {
        show: function(ma) {
          return (0, exports.isLeft)(ma) ? "left(".concat(SE.show(ma.left), ")") : "right(".concat(SA.show(ma.right), ")");
        }
      };
    };
    exports.getShow = getShow;
    var getEq = function(EL, EA) {
      return {
        equals: function(x, y) {
          return x === y || ((0, exports.isLeft)(x) ? (0, exports.isLeft)(y) && EL.equals(x.left, y.left) : (0, exports.isRight)(y) && EA.equals(x.right, y.right));
        }
      };
    };
    exports.getEq = getEq;
    var getSemigroup = function(S) {
      return {
        concat: function(x, y) {
          return (0, exports.isLeft)(y) ? x : (0, exports.isLeft)(x) ? y : (0, exports.right)(S.concat(x.right, y.right));
        }
      };
    };
    exports.getSemigroup = getSemigroup;
    var getCompactable = function(M) {
      var empty = (0, exports.left)(M.empty);
      return {
        URI: exports.URI,
        _E: void 0,
        compact: function(ma) {
          return (0, exports.isLeft)(ma) ? ma : ma.right._tag === "None" ? empty : (0, exports.right)(ma.right.value);
        },
        separate: function(ma) {
          return (0, exports.isLeft)(ma) ? (0, Separated_1.separated)(ma, ma) : (0, exports.isLeft)(ma.right) ? (0, Separated_1.separated)((0, exports.right)(ma.right.left), empty) : (0, Separated_1.separated)(empty, (0, exports.right)(ma.right.right));
        }
      };
    };
    exports.getCompactable = getCompactable;
    var getFilterable = function(M) {
      var empty = (0, exports.left)(M.empty);
      var _a = (0, exports.getCompactable)(M), compact = _a.compact, separate = _a.separate;
      var filter = function(ma, predicate) {
        return (0, exports.isLeft)(ma) ? ma : predicate(ma.right) ? ma : empty;
      };
      var partition = function(ma, p) {
        return (0, exports.isLeft)(ma) ? (0, Separated_1.separated)(ma, ma) : p(ma.right) ? (0, Separated_1.separated)(empty, (0, exports.right)(ma.right)) : (0, Separated_1.separated)((0, exports.right)(ma.right), empty);
      };
      return {
        URI: exports.URI,
        _E: void 0,
        map: _map,
        compact,
        separate,
        filter,
        filterMap: function(ma, f) {
          if ((0, exports.isLeft)(ma)) {
            return ma;
          }
          var ob = f(ma.right);
          return ob._tag === "None" ? empty : (0, exports.right)(ob.value);
        },
        partition,
        partitionMap: function(ma, f) {
          if ((0, exports.isLeft)(ma)) {
            return (0, Separated_1.separated)(ma, ma);
          }
          var e = f(ma.right);
          return (0, exports.isLeft)(e) ? (0, Separated_1.separated)((0, exports.right)(e.left), empty) : (0, Separated_1.separated)(empty, (0, exports.right)(e.right));
        }
      };
    };
    exports.getFilterable = getFilterable;
    var getWitherable = function(M) {
      var F_ = (0, exports.getFilterable)(M);
      var C = (0, exports.getCompactable)(M);
      return {
        URI: exports.URI,
        _E: void 0,
        map: _map,
        compact: F_.compact,
        separate: F_.separate,
        filter: F_.filter,
        filterMap: F_.filterMap,
        partition: F_.partition,
        partitionMap: F_.partitionMap,
        traverse: _traverse,
        sequence: exports.sequence,
        reduce: _reduce,
        foldMap: _foldMap,
        reduceRight: _reduceRight,
        wither: (0, Witherable_1.witherDefault)(exports.Traversable, C),
        wilt: (0, Witherable_1.wiltDefault)(exports.Traversable, C)
      };
    };
    exports.getWitherable = getWitherable;
    var getApplicativeValidation = function(SE) {
      return {
        URI: exports.URI,
        _E: void 0,
        map: _map,
        ap: function(fab, fa) {
          return (0, exports.isLeft)(fab) ? (0, exports.isLeft)(fa) ? (0, exports.left)(SE.concat(fab.left, fa.left)) : fab : (0, exports.isLeft)(fa) ? fa : (0, exports.right)(fab.right(fa.right));
        },
        of: exports.of
      };
    };
    exports.getApplicativeValidation = getApplicativeValidation;
    var getAltValidation = function(SE) {
      return {
        URI: exports.URI,
        _E: void 0,
        map: _map,
        alt: function(me, that) {
          if ((0, exports.isRight)(me)) {
            return me;
          }
          var ea = that();
          return (0, exports.isLeft)(ea) ? (0, exports.left)(SE.concat(me.left, ea.left)) : ea;
        }
      };
    };
    exports.getAltValidation = getAltValidation;
    var map2 = function(f) {
      return function(fa) {
        return (0, exports.isLeft)(fa) ? fa : (0, exports.right)(f(fa.right));
      };
    };
    exports.map = map2;
    exports.Functor = {
      URI: exports.URI,
      map: _map
    };
    exports.as = (0, function_1.dual)(2, (0, Functor_1.as)(exports.Functor));
    exports.asUnit = (0, Functor_1.asUnit)(exports.Functor);
    exports.of = exports.right;
    exports.Pointed = {
      URI: exports.URI,
      of: exports.of
    };
    var apW = function(fa) {
      return function(fab) {
        return (0, exports.isLeft)(fab) ? fab : (0, exports.isLeft)(fa) ? fa : (0, exports.right)(fab.right(fa.right));
      };
    };
    exports.apW = apW;
    exports.ap = exports.apW;
    exports.Apply = {
      URI: exports.URI,
      map: _map,
      ap: _ap
    };
    exports.Applicative = {
      URI: exports.URI,
      map: _map,
      ap: _ap,
      of: exports.of
    };
    exports.Chain = {
      URI: exports.URI,
      map: _map,
      ap: _ap,
      chain: exports.flatMap
    };
    exports.Monad = {
      URI: exports.URI,
      map: _map,
      ap: _ap,
      of: exports.of,
      chain: exports.flatMap
    };
    var reduce = function(b, f) {
      return function(fa) {
        return (0, exports.isLeft)(fa) ? b : f(b, fa.right);
      };
    };
    exports.reduce = reduce;
    var foldMap = function(M) {
      return function(f) {
        return function(fa) {
          return (0, exports.isLeft)(fa) ? M.empty : f(fa.right);
        };
      };
    };
    exports.foldMap = foldMap;
    var reduceRight = function(b, f) {
      return function(fa) {
        return (0, exports.isLeft)(fa) ? b : f(fa.right, b);
      };
    };
    exports.reduceRight = reduceRight;
    exports.Foldable = {
      URI: exports.URI,
      reduce: _reduce,
      foldMap: _foldMap,
      reduceRight: _reduceRight
    };
    var traverse = function(F) {
      return function(f) {
        return function(ta) {
          return (0, exports.isLeft)(ta) ? F.of((0, exports.left)(ta.left)) : F.map(f(ta.right), exports.right);
        };
      };
    };
    exports.traverse = traverse;
    var sequence = function(F) {
      return function(ma) {
        return (0, exports.isLeft)(ma) ? F.of((0, exports.left)(ma.left)) : F.map(ma.right, exports.right);
      };
    };
    exports.sequence = sequence;
    exports.Traversable = {
      URI: exports.URI,
      map: _map,
      reduce: _reduce,
      foldMap: _foldMap,
      reduceRight: _reduceRight,
      traverse: _traverse,
      sequence: exports.sequence
    };
    var bimap = function(f, g) {
      return function(fa) {
        return (0, exports.isLeft)(fa) ? (0, exports.left)(f(fa.left)) : (0, exports.right)(g(fa.right));
      };
    };
    exports.bimap = bimap;
    var mapLeft2 = function(f) {
      return function(fa) {
        return (0, exports.isLeft)(fa) ? (0, exports.left)(f(fa.left)) : fa;
      };
    };
    exports.mapLeft = mapLeft2;
    exports.Bifunctor = {
      URI: exports.URI,
      bimap: _bimap,
      mapLeft: _mapLeft
    };
    var altW = function(that) {
      return function(fa) {
        return (0, exports.isLeft)(fa) ? that() : fa;
      };
    };
    exports.altW = altW;
    exports.alt = exports.altW;
    exports.Alt = {
      URI: exports.URI,
      map: _map,
      alt: _alt
    };
    var extend = function(f) {
      return function(wa) {
        return (0, exports.isLeft)(wa) ? wa : (0, exports.right)(f(wa));
      };
    };
    exports.extend = extend;
    exports.Extend = {
      URI: exports.URI,
      map: _map,
      extend: _extend
    };
    exports.ChainRec = {
      URI: exports.URI,
      map: _map,
      ap: _ap,
      chain: exports.flatMap,
      chainRec: _chainRec
    };
    exports.throwError = exports.left;
    exports.MonadThrow = {
      URI: exports.URI,
      map: _map,
      ap: _ap,
      of: exports.of,
      chain: exports.flatMap,
      throwError: exports.throwError
    };
    exports.FromEither = {
      URI: exports.URI,
      fromEither: function_1.identity
    };
    exports.fromPredicate = (0, FromEither_1.fromPredicate)(exports.FromEither);
    exports.fromOption = /* @__PURE__ */ (0, FromEither_1.fromOption)(exports.FromEither);
    exports.isLeft = _.isLeft;
    exports.isRight = _.isRight;
    var matchW = function(onLeft, onRight) {
      return function(ma) {
        return (0, exports.isLeft)(ma) ? onLeft(ma.left) : onRight(ma.right);
      };
    };
    exports.matchW = matchW;
    exports.foldW = exports.matchW;
    exports.match = exports.matchW;
    exports.fold = exports.match;
    var getOrElseW = function(onLeft) {
      return function(ma) {
        return (0, exports.isLeft)(ma) ? onLeft(ma.left) : ma.right;
      };
    };
    exports.getOrElseW = getOrElseW;
    exports.getOrElse = exports.getOrElseW;
    exports.flap = (0, Functor_1.flap)(exports.Functor);
    exports.apFirst = (0, Apply_1.apFirst)(exports.Apply);
    exports.apFirstW = exports.apFirst;
    exports.apSecond = (0, Apply_1.apSecond)(exports.Apply);
    exports.apSecondW = exports.apSecond;
    exports.tap = (0, function_1.dual)(2, chainable.tap(exports.Chain));
    exports.flattenW = /* @__PURE__ */ (0, exports.flatMap)(function_1.identity);
    exports.flatten = exports.flattenW;
    exports.duplicate = (0, exports.extend)(function_1.identity);
    exports.fromOptionK = /* @__PURE__ */ (0, FromEither_1.fromOptionK)(exports.FromEither);
    exports.chainOptionK = (0, FromEither_1.chainOptionK)(exports.FromEither, exports.Chain);
    exports.chainOptionKW = exports.chainOptionK;
    var _FromEither = {
      fromEither: exports.FromEither.fromEither
    };
    exports.liftNullable = _.liftNullable(_FromEither);
    exports.liftOption = _.liftOption(_FromEither);
    var _FlatMap = {
      flatMap: exports.flatMap
    };
    exports.flatMapNullable = _.flatMapNullable(_FromEither, _FlatMap);
    exports.flatMapOption = _.flatMapOption(_FromEither, _FlatMap);
    exports.filterOrElse = (0, FromEither_1.filterOrElse)(exports.FromEither, exports.Chain);
    exports.filterOrElseW = exports.filterOrElse;
    var swap = function(ma) {
      return (0, exports.isLeft)(ma) ? (0, exports.right)(ma.left) : (0, exports.left)(ma.right);
    };
    exports.swap = swap;
    var orElseW = function(onLeft) {
      return function(ma) {
        return (0, exports.isLeft)(ma) ? onLeft(ma.left) : ma;
      };
    };
    exports.orElseW = orElseW;
    exports.orElse = exports.orElseW;
    var fromNullable = function(e) {
      return function(a) {
        return a == null ? (0, exports.left)(e) : (0, exports.right)(a);
      };
    };
    exports.fromNullable = fromNullable;
    var tryCatch = function(f, onThrow) {
      try {
        return (0, exports.right)(f());
      } catch (e) {
        return (0, exports.left)(onThrow(e));
      }
    };
    exports.tryCatch = tryCatch;
    var tryCatchK = function(f, onThrow) {
      return function() {
        var a = [];
        for (var _i = 0; _i < arguments.length; _i++) {
          a[_i] = arguments[_i];
        }
        return (0, exports.tryCatch)(function() {
          return f.apply(void 0, a);
        }, onThrow);
      };
    };
    exports.tryCatchK = tryCatchK;
    var fromNullableK = function(e) {
      var from2 = (0, exports.fromNullable)(e);
      return function(f) {
        return (0, function_1.flow)(f, from2);
      };
    };
    exports.fromNullableK = fromNullableK;
    var chainNullableK = function(e) {
      var from2 = (0, exports.fromNullableK)(e);
      return function(f) {
        return (0, exports.flatMap)(from2(f));
      };
    };
    exports.chainNullableK = chainNullableK;
    exports.toUnion = (0, exports.foldW)(function_1.identity, function_1.identity);
    function toError(e) {
      try {
        return e instanceof Error ? e : new Error(String(e));
      } catch (error) {
        return new Error();
      }
    }
    function elem(E4) {
      return function(a, ma) {
        if (ma === void 0) {
          var elemE_1 = elem(E4);
          return function(ma2) {
            return elemE_1(a, ma2);
          };
        }
        return (0, exports.isLeft)(ma) ? false : E4.equals(a, ma.right);
      };
    }
    var exists = function(predicate) {
      return function(ma) {
        return (0, exports.isLeft)(ma) ? false : predicate(ma.right);
      };
    };
    exports.exists = exists;
    exports.Do = (0, exports.of)(_.emptyRecord);
    exports.bindTo = (0, Functor_1.bindTo)(exports.Functor);
    var let_ = /* @__PURE__ */ (0, Functor_1.let)(exports.Functor);
    exports.let = let_;
    exports.bind = chainable.bind(exports.Chain);
    exports.bindW = exports.bind;
    exports.apS = (0, Apply_1.apS)(exports.Apply);
    exports.apSW = exports.apS;
    exports.ApT = (0, exports.of)(_.emptyReadonlyArray);
    var traverseReadonlyNonEmptyArrayWithIndex = function(f) {
      return function(as) {
        var e = f(0, _.head(as));
        if ((0, exports.isLeft)(e)) {
          return e;
        }
        var out = [e.right];
        for (var i = 1; i < as.length; i++) {
          var e_1 = f(i, as[i]);
          if ((0, exports.isLeft)(e_1)) {
            return e_1;
          }
          out.push(e_1.right);
        }
        return (0, exports.right)(out);
      };
    };
    exports.traverseReadonlyNonEmptyArrayWithIndex = traverseReadonlyNonEmptyArrayWithIndex;
    var traverseReadonlyArrayWithIndex = function(f) {
      var g = (0, exports.traverseReadonlyNonEmptyArrayWithIndex)(f);
      return function(as) {
        return _.isNonEmpty(as) ? g(as) : exports.ApT;
      };
    };
    exports.traverseReadonlyArrayWithIndex = traverseReadonlyArrayWithIndex;
    exports.traverseArrayWithIndex = exports.traverseReadonlyArrayWithIndex;
    var traverseArray = function(f) {
      return (0, exports.traverseReadonlyArrayWithIndex)(function(_2, a) {
        return f(a);
      });
    };
    exports.traverseArray = traverseArray;
    exports.sequenceArray = /* @__PURE__ */ (0, exports.traverseArray)(function_1.identity);
    exports.chainW = exports.flatMap;
    exports.chain = exports.flatMap;
    exports.chainFirst = exports.tap;
    exports.chainFirstW = exports.tap;
    function parseJSON(s, onError) {
      return (0, exports.tryCatch)(function() {
        return JSON.parse(s);
      }, onError);
    }
    var stringifyJSON = function(u, onError) {
      return (0, exports.tryCatch)(function() {
        var s = JSON.stringify(u);
        if (typeof s !== "string") {
          throw new Error("Converting unsupported structure to JSON");
        }
        return s;
      }, onError);
    };
    exports.stringifyJSON = stringifyJSON;
    exports.either = {
      URI: exports.URI,
      map: _map,
      of: exports.of,
      ap: _ap,
      chain: exports.flatMap,
      reduce: _reduce,
      foldMap: _foldMap,
      reduceRight: _reduceRight,
      traverse: _traverse,
      sequence: exports.sequence,
      bimap: _bimap,
      mapLeft: _mapLeft,
      alt: _alt,
      extend: _extend,
      chainRec: _chainRec,
      throwError: exports.throwError
    };
    exports.getApplySemigroup = /* @__PURE__ */ (0, Apply_1.getApplySemigroup)(exports.Apply);
    exports.getApplyMonoid = /* @__PURE__ */ (0, Applicative_1.getApplicativeMonoid)(exports.Applicative);
    var getValidationSemigroup = function(SE, SA) {
      return (0, Apply_1.getApplySemigroup)((0, exports.getApplicativeValidation)(SE))(SA);
    };
    exports.getValidationSemigroup = getValidationSemigroup;
    var getValidationMonoid = function(SE, MA) {
      return (0, Applicative_1.getApplicativeMonoid)((0, exports.getApplicativeValidation)(SE))(MA);
    };
    exports.getValidationMonoid = getValidationMonoid;
    function getValidation(SE) {
      var ap = (0, exports.getApplicativeValidation)(SE).ap;
      var alt = (0, exports.getAltValidation)(SE).alt;
      return {
        URI: exports.URI,
        _E: void 0,
        map: _map,
        of: exports.of,
        chain: exports.flatMap,
        bimap: _bimap,
        mapLeft: _mapLeft,
        reduce: _reduce,
        foldMap: _foldMap,
        reduceRight: _reduceRight,
        extend: _extend,
        traverse: _traverse,
        sequence: exports.sequence,
        chainRec: _chainRec,
        throwError: exports.throwError,
        ap,
        alt
      };
    }
  }
});

// ../node_modules/.pnpm/io-ts@2.2.22_fp-ts@2.16.11/node_modules/io-ts/lib/index.js
var require_lib = __commonJS({
  "../node_modules/.pnpm/io-ts@2.2.22_fp-ts@2.16.11/node_modules/io-ts/lib/index.js"(exports) {
    "use strict";
    var __extends = exports && exports.__extends || /* @__PURE__ */ (function() {
      var extendStatics = function(d, b) {
        extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d2, b2) {
          d2.__proto__ = b2;
        } || function(d2, b2) {
          for (var p in b2) if (Object.prototype.hasOwnProperty.call(b2, p)) d2[p] = b2[p];
        };
        return extendStatics(d, b);
      };
      return function(d, b) {
        if (typeof b !== "function" && b !== null)
          throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() {
          this.constructor = d;
        }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
      };
    })();
    var __assign = exports && exports.__assign || function() {
      __assign = Object.assign || function(t20) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
          s = arguments[i];
          for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
            t20[p] = s[p];
        }
        return t20;
      };
      return __assign.apply(this, arguments);
    };
    var __spreadArray = exports && exports.__spreadArray || function(to2, from2, pack) {
      if (pack || arguments.length === 2) for (var i = 0, l = from2.length, ar; i < l; i++) {
        if (ar || !(i in from2)) {
          if (!ar) ar = Array.prototype.slice.call(from2, 0, i);
          ar[i] = from2[i];
        }
      }
      return to2.concat(ar || Array.prototype.slice.call(from2));
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.partial = exports.PartialType = exports.type = exports.InterfaceType = exports.array = exports.ArrayType = exports.recursion = exports.RecursiveType = exports.Int = exports.brand = exports.RefinementType = exports.keyof = exports.KeyofType = exports.literal = exports.LiteralType = exports.void = exports.undefined = exports.null = exports.UnknownRecord = exports.AnyDictionaryType = exports.UnknownArray = exports.AnyArrayType = exports.boolean = exports.BooleanType = exports.bigint = exports.BigIntType = exports.number = exports.NumberType = exports.string = exports.StringType = exports.unknown = exports.UnknownType = exports.voidType = exports.VoidType = exports.UndefinedType = exports.nullType = exports.NullType = exports.getIndex = exports.getTags = exports.emptyTags = exports.mergeAll = exports.getDomainKeys = exports.appendContext = exports.getContextEntry = exports.getFunctionName = exports.identity = exports.Type = exports.success = exports.failure = exports.failures = void 0;
    exports.alias = exports.clean = exports.StrictType = exports.dictionary = exports.object = exports.ObjectType = exports.Dictionary = exports.getDefaultContext = exports.getValidationError = exports.interface = exports.Array = exports.taggedUnion = exports.TaggedUnionType = exports.Integer = exports.refinement = exports.any = exports.AnyType = exports.never = exports.NeverType = exports.Function = exports.FunctionType = exports.exact = exports.ExactType = exports.strict = exports.readonlyArray = exports.ReadonlyArrayType = exports.readonly = exports.ReadonlyType = exports.tuple = exports.TupleType = exports.intersection = exports.IntersectionType = exports.union = exports.UnionType = exports.record = exports.DictionaryType = void 0;
    var Either_1 = require_Either();
    exports.failures = Either_1.left;
    var failure6 = function(value, context, message2) {
      return (0, exports.failures)([{ value, context, message: message2 }]);
    };
    exports.failure = failure6;
    exports.success = Either_1.right;
    var Type7 = (
      /** @class */
      (function() {
        function Type8(name, is, validate, encode) {
          this.name = name;
          this.is = is;
          this.validate = validate;
          this.encode = encode;
          this.decode = this.decode.bind(this);
        }
        Type8.prototype.pipe = function(ab, name) {
          var _this = this;
          if (name === void 0) {
            name = "pipe(".concat(this.name, ", ").concat(ab.name, ")");
          }
          return new Type8(name, ab.is, function(i, c) {
            var e = _this.validate(i, c);
            if ((0, Either_1.isLeft)(e)) {
              return e;
            }
            return ab.validate(e.right, c);
          }, this.encode === exports.identity && ab.encode === exports.identity ? exports.identity : function(b) {
            return _this.encode(ab.encode(b));
          });
        };
        Type8.prototype.asDecoder = function() {
          return this;
        };
        Type8.prototype.asEncoder = function() {
          return this;
        };
        Type8.prototype.decode = function(i) {
          return this.validate(i, [{ key: "", type: this, actual: i }]);
        };
        return Type8;
      })()
    );
    exports.Type = Type7;
    var identity7 = function(a) {
      return a;
    };
    exports.identity = identity7;
    function getFunctionName(f) {
      return f.displayName || f.name || "<function".concat(f.length, ">");
    }
    exports.getFunctionName = getFunctionName;
    function getContextEntry(key2, decoder) {
      return { key: key2, type: decoder };
    }
    exports.getContextEntry = getContextEntry;
    function appendContext(c, key2, decoder, actual) {
      var len = c.length;
      var r = Array(len + 1);
      for (var i = 0; i < len; i++) {
        r[i] = c[i];
      }
      r[len] = { key: key2, type: decoder, actual };
      return r;
    }
    exports.appendContext = appendContext;
    function pushAll(xs, ys) {
      var l = ys.length;
      for (var i = 0; i < l; i++) {
        xs.push(ys[i]);
      }
    }
    var hasOwnProperty = Object.prototype.hasOwnProperty;
    function getNameFromProps(props) {
      return Object.keys(props).map(function(k) {
        return "".concat(k, ": ").concat(props[k].name);
      }).join(", ");
    }
    function useIdentity(codecs) {
      for (var i = 0; i < codecs.length; i++) {
        if (codecs[i].encode !== exports.identity) {
          return false;
        }
      }
      return true;
    }
    function getInterfaceTypeName(props) {
      return "{ ".concat(getNameFromProps(props), " }");
    }
    function getPartialTypeName(inner) {
      return "Partial<".concat(inner, ">");
    }
    function enumerableRecord(keys, domain, codomain, name) {
      if (name === void 0) {
        name = "{ [K in ".concat(domain.name, "]: ").concat(codomain.name, " }");
      }
      var len = keys.length;
      var props = {};
      for (var i = 0; i < len; i++) {
        props[keys[i]] = codomain;
      }
      var exactCodec = (0, exports.strict)(props, name);
      return new DictionaryType(name, function(u) {
        return exactCodec.is(u);
      }, exactCodec.validate, exactCodec.encode, domain, codomain);
    }
    function getDomainKeys(domain) {
      var _a;
      if (isLiteralC(domain)) {
        var literal_1 = domain.value;
        if (exports.string.is(literal_1)) {
          return _a = {}, _a[literal_1] = null, _a;
        }
      } else if (isKeyofC(domain)) {
        return domain.keys;
      } else if (isUnionC(domain)) {
        var keys = domain.types.map(function(type5) {
          return getDomainKeys(type5);
        });
        return keys.some(undefinedType.is) ? void 0 : Object.assign.apply(Object, __spreadArray([{}], keys, false));
      }
      return void 0;
    }
    exports.getDomainKeys = getDomainKeys;
    function stripNonDomainKeys(o, domain) {
      var keys = Object.keys(o);
      var len = keys.length;
      var shouldStrip = false;
      var r = {};
      for (var i = 0; i < len; i++) {
        var k = keys[i];
        if (domain.is(k)) {
          r[k] = o[k];
        } else {
          shouldStrip = true;
        }
      }
      return shouldStrip ? r : o;
    }
    function nonEnumerableRecord(domain, codomain, name) {
      if (name === void 0) {
        name = "{ [K in ".concat(domain.name, "]: ").concat(codomain.name, " }");
      }
      return new DictionaryType(name, function(u) {
        if (exports.UnknownRecord.is(u)) {
          return Object.keys(u).every(function(k) {
            return !domain.is(k) || codomain.is(u[k]);
          });
        }
        return isAnyC(codomain) && Array.isArray(u);
      }, function(u, c) {
        if (exports.UnknownRecord.is(u)) {
          var a = {};
          var errors = [];
          var keys = Object.keys(u);
          var len = keys.length;
          var changed = false;
          for (var i = 0; i < len; i++) {
            var k = keys[i];
            var ok = u[k];
            var domainResult = domain.validate(k, appendContext(c, k, domain, k));
            if ((0, Either_1.isLeft)(domainResult)) {
              changed = true;
            } else {
              var vk = domainResult.right;
              changed = changed || vk !== k;
              k = vk;
              var codomainResult = codomain.validate(ok, appendContext(c, k, codomain, ok));
              if ((0, Either_1.isLeft)(codomainResult)) {
                pushAll(errors, codomainResult.left);
              } else {
                var vok = codomainResult.right;
                changed = changed || vok !== ok;
                a[k] = vok;
              }
            }
          }
          return errors.length > 0 ? (0, exports.failures)(errors) : (0, exports.success)(changed ? a : u);
        }
        if (isAnyC(codomain) && Array.isArray(u)) {
          return (0, exports.success)(u);
        }
        return (0, exports.failure)(u, c);
      }, domain.encode === exports.identity && codomain.encode === exports.identity ? function(a) {
        return stripNonDomainKeys(a, domain);
      } : function(a) {
        var s = {};
        var keys = Object.keys(stripNonDomainKeys(a, domain));
        var len = keys.length;
        for (var i = 0; i < len; i++) {
          var k = keys[i];
          s[String(domain.encode(k))] = codomain.encode(a[k]);
        }
        return s;
      }, domain, codomain);
    }
    function getUnionName(codecs) {
      return "(" + codecs.map(function(type5) {
        return type5.name;
      }).join(" | ") + ")";
    }
    function mergeAll(base, us) {
      var equal = true;
      var primitive = true;
      var baseIsNotADictionary = !exports.UnknownRecord.is(base);
      for (var _i = 0, us_1 = us; _i < us_1.length; _i++) {
        var u = us_1[_i];
        if (u !== base) {
          equal = false;
        }
        if (exports.UnknownRecord.is(u)) {
          primitive = false;
        }
      }
      if (equal) {
        return base;
      } else if (primitive) {
        return us[us.length - 1];
      }
      var r = {};
      for (var _a = 0, us_2 = us; _a < us_2.length; _a++) {
        var u = us_2[_a];
        for (var k in u) {
          if (!hasOwnProperty.call(r, k) || baseIsNotADictionary || u[k] !== base[k]) {
            r[k] = u[k];
          }
        }
      }
      return r;
    }
    exports.mergeAll = mergeAll;
    function getProps(codec) {
      switch (codec._tag) {
        case "RefinementType":
        case "ReadonlyType":
          return getProps(codec.type);
        case "InterfaceType":
        case "StrictType":
        case "PartialType":
          return codec.props;
        case "IntersectionType":
          return codec.types.reduce(function(props, type5) {
            return Object.assign(props, getProps(type5));
          }, {});
      }
    }
    function stripKeys(o, props) {
      var keys = Object.getOwnPropertyNames(o);
      var shouldStrip = false;
      var r = {};
      for (var i = 0; i < keys.length; i++) {
        var key2 = keys[i];
        if (!hasOwnProperty.call(props, key2)) {
          shouldStrip = true;
        } else {
          r[key2] = o[key2];
        }
      }
      return shouldStrip ? r : o;
    }
    function getExactTypeName(codec) {
      if (isTypeC(codec)) {
        return "{| ".concat(getNameFromProps(codec.props), " |}");
      } else if (isPartialC(codec)) {
        return getPartialTypeName("{| ".concat(getNameFromProps(codec.props), " |}"));
      }
      return "Exact<".concat(codec.name, ">");
    }
    function isNonEmpty(as) {
      return as.length > 0;
    }
    exports.emptyTags = {};
    function intersect(a, b) {
      var r = [];
      for (var _i = 0, a_1 = a; _i < a_1.length; _i++) {
        var v = a_1[_i];
        if (b.indexOf(v) !== -1) {
          r.push(v);
        }
      }
      return r;
    }
    function mergeTags(a, b) {
      if (a === exports.emptyTags) {
        return b;
      }
      if (b === exports.emptyTags) {
        return a;
      }
      var r = Object.assign({}, a);
      for (var k in b) {
        if (hasOwnProperty.call(a, k)) {
          var intersection_1 = intersect(a[k], b[k]);
          if (isNonEmpty(intersection_1)) {
            r[k] = intersection_1;
          } else {
            r = exports.emptyTags;
            break;
          }
        } else {
          r[k] = b[k];
        }
      }
      return r;
    }
    function intersectTags(a, b) {
      if (a === exports.emptyTags || b === exports.emptyTags) {
        return exports.emptyTags;
      }
      var r = exports.emptyTags;
      for (var k in a) {
        if (hasOwnProperty.call(b, k)) {
          var intersection_2 = intersect(a[k], b[k]);
          if (intersection_2.length === 0) {
            if (r === exports.emptyTags) {
              r = {};
            }
            r[k] = a[k].concat(b[k]);
          }
        }
      }
      return r;
    }
    function isAnyC(codec) {
      return codec._tag === "AnyType";
    }
    function isLiteralC(codec) {
      return codec._tag === "LiteralType";
    }
    function isKeyofC(codec) {
      return codec._tag === "KeyofType";
    }
    function isTypeC(codec) {
      return codec._tag === "InterfaceType";
    }
    function isPartialC(codec) {
      return codec._tag === "PartialType";
    }
    function isStrictC(codec) {
      return codec._tag === "StrictType";
    }
    function isExactC(codec) {
      return codec._tag === "ExactType";
    }
    function isRefinementC(codec) {
      return codec._tag === "RefinementType";
    }
    function isIntersectionC(codec) {
      return codec._tag === "IntersectionType";
    }
    function isUnionC(codec) {
      return codec._tag === "UnionType";
    }
    function isRecursiveC(codec) {
      return codec._tag === "RecursiveType";
    }
    function isReadonlyC(codec) {
      return codec._tag === "ReadonlyType";
    }
    var lazyCodecs = [];
    function getTags(codec) {
      if (lazyCodecs.indexOf(codec) !== -1) {
        return exports.emptyTags;
      }
      if (isTypeC(codec) || isStrictC(codec)) {
        var index = exports.emptyTags;
        for (var k in codec.props) {
          var prop = codec.props[k];
          if (isLiteralC(prop)) {
            if (index === exports.emptyTags) {
              index = {};
            }
            index[k] = [prop.value];
          }
        }
        return index;
      } else if (isExactC(codec) || isRefinementC(codec) || isReadonlyC(codec)) {
        return getTags(codec.type);
      } else if (isIntersectionC(codec)) {
        return codec.types.reduce(function(tags2, codec2) {
          return mergeTags(tags2, getTags(codec2));
        }, exports.emptyTags);
      } else if (isUnionC(codec)) {
        return codec.types.slice(1).reduce(function(tags2, codec2) {
          return intersectTags(tags2, getTags(codec2));
        }, getTags(codec.types[0]));
      } else if (isRecursiveC(codec)) {
        lazyCodecs.push(codec);
        var tags = getTags(codec.type);
        lazyCodecs.pop();
        return tags;
      }
      return exports.emptyTags;
    }
    exports.getTags = getTags;
    function getIndex(codecs) {
      var tags = getTags(codecs[0]);
      var keys = Object.keys(tags);
      var len = codecs.length;
      var _loop_1 = function(k2) {
        var all = tags[k2].slice();
        var index = [tags[k2]];
        for (var i = 1; i < len; i++) {
          var codec = codecs[i];
          var ctags = getTags(codec);
          var values = ctags[k2];
          if (values === void 0) {
            return "continue-keys";
          } else {
            if (values.some(function(v) {
              return all.indexOf(v) !== -1;
            })) {
              return "continue-keys";
            } else {
              all.push.apply(all, values);
              index.push(values);
            }
          }
        }
        return { value: [k2, index] };
      };
      keys: for (var _i = 0, keys_1 = keys; _i < keys_1.length; _i++) {
        var k = keys_1[_i];
        var state_1 = _loop_1(k);
        if (typeof state_1 === "object")
          return state_1.value;
        switch (state_1) {
          case "continue-keys":
            continue keys;
        }
      }
      return void 0;
    }
    exports.getIndex = getIndex;
    var NullType = (
      /** @class */
      (function(_super) {
        __extends(NullType2, _super);
        function NullType2() {
          var _this = _super.call(this, "null", function(u) {
            return u === null;
          }, function(u, c) {
            return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
          }, exports.identity) || this;
          _this._tag = "NullType";
          return _this;
        }
        return NullType2;
      })(Type7)
    );
    exports.NullType = NullType;
    exports.nullType = new NullType();
    exports.null = exports.nullType;
    var UndefinedType = (
      /** @class */
      (function(_super) {
        __extends(UndefinedType2, _super);
        function UndefinedType2() {
          var _this = _super.call(this, "undefined", function(u) {
            return u === void 0;
          }, function(u, c) {
            return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
          }, exports.identity) || this;
          _this._tag = "UndefinedType";
          return _this;
        }
        return UndefinedType2;
      })(Type7)
    );
    exports.UndefinedType = UndefinedType;
    var undefinedType = new UndefinedType();
    exports.undefined = undefinedType;
    var VoidType = (
      /** @class */
      (function(_super) {
        __extends(VoidType2, _super);
        function VoidType2() {
          var _this = _super.call(this, "void", undefinedType.is, undefinedType.validate, exports.identity) || this;
          _this._tag = "VoidType";
          return _this;
        }
        return VoidType2;
      })(Type7)
    );
    exports.VoidType = VoidType;
    exports.voidType = new VoidType();
    exports.void = exports.voidType;
    var UnknownType = (
      /** @class */
      (function(_super) {
        __extends(UnknownType2, _super);
        function UnknownType2() {
          var _this = _super.call(this, "unknown", function(_) {
            return true;
          }, exports.success, exports.identity) || this;
          _this._tag = "UnknownType";
          return _this;
        }
        return UnknownType2;
      })(Type7)
    );
    exports.UnknownType = UnknownType;
    exports.unknown = new UnknownType();
    var StringType = (
      /** @class */
      (function(_super) {
        __extends(StringType2, _super);
        function StringType2() {
          var _this = _super.call(this, "string", function(u) {
            return typeof u === "string";
          }, function(u, c) {
            return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
          }, exports.identity) || this;
          _this._tag = "StringType";
          return _this;
        }
        return StringType2;
      })(Type7)
    );
    exports.StringType = StringType;
    exports.string = new StringType();
    var NumberType = (
      /** @class */
      (function(_super) {
        __extends(NumberType2, _super);
        function NumberType2() {
          var _this = _super.call(this, "number", function(u) {
            return typeof u === "number";
          }, function(u, c) {
            return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
          }, exports.identity) || this;
          _this._tag = "NumberType";
          return _this;
        }
        return NumberType2;
      })(Type7)
    );
    exports.NumberType = NumberType;
    exports.number = new NumberType();
    var BigIntType = (
      /** @class */
      (function(_super) {
        __extends(BigIntType2, _super);
        function BigIntType2() {
          var _this = _super.call(
            this,
            "bigint",
            // tslint:disable-next-line: valid-typeof
            function(u) {
              return typeof u === "bigint";
            },
            function(u, c) {
              return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
            },
            exports.identity
          ) || this;
          _this._tag = "BigIntType";
          return _this;
        }
        return BigIntType2;
      })(Type7)
    );
    exports.BigIntType = BigIntType;
    exports.bigint = new BigIntType();
    var BooleanType = (
      /** @class */
      (function(_super) {
        __extends(BooleanType2, _super);
        function BooleanType2() {
          var _this = _super.call(this, "boolean", function(u) {
            return typeof u === "boolean";
          }, function(u, c) {
            return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
          }, exports.identity) || this;
          _this._tag = "BooleanType";
          return _this;
        }
        return BooleanType2;
      })(Type7)
    );
    exports.BooleanType = BooleanType;
    exports.boolean = new BooleanType();
    var AnyArrayType = (
      /** @class */
      (function(_super) {
        __extends(AnyArrayType2, _super);
        function AnyArrayType2() {
          var _this = _super.call(this, "UnknownArray", Array.isArray, function(u, c) {
            return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
          }, exports.identity) || this;
          _this._tag = "AnyArrayType";
          return _this;
        }
        return AnyArrayType2;
      })(Type7)
    );
    exports.AnyArrayType = AnyArrayType;
    exports.UnknownArray = new AnyArrayType();
    exports.Array = exports.UnknownArray;
    var AnyDictionaryType = (
      /** @class */
      (function(_super) {
        __extends(AnyDictionaryType2, _super);
        function AnyDictionaryType2() {
          var _this = _super.call(this, "UnknownRecord", function(u) {
            return u !== null && typeof u === "object" && !Array.isArray(u);
          }, function(u, c) {
            return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
          }, exports.identity) || this;
          _this._tag = "AnyDictionaryType";
          return _this;
        }
        return AnyDictionaryType2;
      })(Type7)
    );
    exports.AnyDictionaryType = AnyDictionaryType;
    exports.UnknownRecord = new AnyDictionaryType();
    var LiteralType = (
      /** @class */
      (function(_super) {
        __extends(LiteralType2, _super);
        function LiteralType2(name, is, validate, encode, value) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.value = value;
          _this._tag = "LiteralType";
          return _this;
        }
        return LiteralType2;
      })(Type7)
    );
    exports.LiteralType = LiteralType;
    function literal2(value, name) {
      if (name === void 0) {
        name = JSON.stringify(value);
      }
      var is = function(u) {
        return u === value;
      };
      return new LiteralType(name, is, function(u, c) {
        return is(u) ? (0, exports.success)(value) : (0, exports.failure)(u, c);
      }, exports.identity, value);
    }
    exports.literal = literal2;
    var KeyofType = (
      /** @class */
      (function(_super) {
        __extends(KeyofType2, _super);
        function KeyofType2(name, is, validate, encode, keys) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.keys = keys;
          _this._tag = "KeyofType";
          return _this;
        }
        return KeyofType2;
      })(Type7)
    );
    exports.KeyofType = KeyofType;
    function keyof3(keys, name) {
      if (name === void 0) {
        name = Object.keys(keys).map(function(k) {
          return JSON.stringify(k);
        }).join(" | ");
      }
      var is = function(u) {
        return exports.string.is(u) && hasOwnProperty.call(keys, u);
      };
      return new KeyofType(name, is, function(u, c) {
        return is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
      }, exports.identity, keys);
    }
    exports.keyof = keyof3;
    var RefinementType2 = (
      /** @class */
      (function(_super) {
        __extends(RefinementType3, _super);
        function RefinementType3(name, is, validate, encode, type5, predicate) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.type = type5;
          _this.predicate = predicate;
          _this._tag = "RefinementType";
          return _this;
        }
        return RefinementType3;
      })(Type7)
    );
    exports.RefinementType = RefinementType2;
    function brand(codec, predicate, name) {
      return refinement2(codec, predicate, name);
    }
    exports.brand = brand;
    exports.Int = brand(exports.number, function(n) {
      return Number.isInteger(n);
    }, "Int");
    var RecursiveType = (
      /** @class */
      (function(_super) {
        __extends(RecursiveType2, _super);
        function RecursiveType2(name, is, validate, encode, runDefinition) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.runDefinition = runDefinition;
          _this._tag = "RecursiveType";
          return _this;
        }
        return RecursiveType2;
      })(Type7)
    );
    exports.RecursiveType = RecursiveType;
    Object.defineProperty(RecursiveType.prototype, "type", {
      get: function() {
        return this.runDefinition();
      },
      enumerable: true,
      configurable: true
    });
    function recursion(name, definition) {
      var cache;
      var runDefinition = function() {
        if (!cache) {
          cache = definition(Self);
          cache.name = name;
        }
        return cache;
      };
      var Self = new RecursiveType(name, function(u) {
        return runDefinition().is(u);
      }, function(u, c) {
        return runDefinition().validate(u, c);
      }, function(a) {
        return runDefinition().encode(a);
      }, runDefinition);
      return Self;
    }
    exports.recursion = recursion;
    var ArrayType = (
      /** @class */
      (function(_super) {
        __extends(ArrayType2, _super);
        function ArrayType2(name, is, validate, encode, type5) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.type = type5;
          _this._tag = "ArrayType";
          return _this;
        }
        return ArrayType2;
      })(Type7)
    );
    exports.ArrayType = ArrayType;
    function array(item, name) {
      if (name === void 0) {
        name = "Array<".concat(item.name, ">");
      }
      return new ArrayType(name, function(u) {
        return exports.UnknownArray.is(u) && u.every(item.is);
      }, function(u, c) {
        var e = exports.UnknownArray.validate(u, c);
        if ((0, Either_1.isLeft)(e)) {
          return e;
        }
        var us = e.right;
        var len = us.length;
        var as = us;
        var errors = [];
        for (var i = 0; i < len; i++) {
          var ui = us[i];
          var result = item.validate(ui, appendContext(c, String(i), item, ui));
          if ((0, Either_1.isLeft)(result)) {
            pushAll(errors, result.left);
          } else {
            var ai = result.right;
            if (ai !== ui) {
              if (as === us) {
                as = us.slice();
              }
              as[i] = ai;
            }
          }
        }
        return errors.length > 0 ? (0, exports.failures)(errors) : (0, exports.success)(as);
      }, item.encode === exports.identity ? exports.identity : function(a) {
        return a.map(item.encode);
      }, item);
    }
    exports.array = array;
    var InterfaceType = (
      /** @class */
      (function(_super) {
        __extends(InterfaceType2, _super);
        function InterfaceType2(name, is, validate, encode, props) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.props = props;
          _this._tag = "InterfaceType";
          return _this;
        }
        return InterfaceType2;
      })(Type7)
    );
    exports.InterfaceType = InterfaceType;
    function type4(props, name) {
      if (name === void 0) {
        name = getInterfaceTypeName(props);
      }
      var keys = Object.keys(props);
      var types = keys.map(function(key2) {
        return props[key2];
      });
      var len = keys.length;
      return new InterfaceType(name, function(u) {
        if (exports.UnknownRecord.is(u)) {
          for (var i = 0; i < len; i++) {
            var k = keys[i];
            var uk = u[k];
            if (uk === void 0 && !hasOwnProperty.call(u, k) || !types[i].is(uk)) {
              return false;
            }
          }
          return true;
        }
        return false;
      }, function(u, c) {
        var e = exports.UnknownRecord.validate(u, c);
        if ((0, Either_1.isLeft)(e)) {
          return e;
        }
        var o = e.right;
        var a = o;
        var errors = [];
        for (var i = 0; i < len; i++) {
          var k = keys[i];
          var ak = a[k];
          var type_1 = types[i];
          var result = type_1.validate(ak, appendContext(c, k, type_1, ak));
          if ((0, Either_1.isLeft)(result)) {
            pushAll(errors, result.left);
          } else {
            var vak = result.right;
            if (vak !== ak || vak === void 0 && !hasOwnProperty.call(a, k)) {
              if (a === o) {
                a = __assign({}, o);
              }
              a[k] = vak;
            }
          }
        }
        return errors.length > 0 ? (0, exports.failures)(errors) : (0, exports.success)(a);
      }, useIdentity(types) ? exports.identity : function(a) {
        var s = __assign({}, a);
        for (var i = 0; i < len; i++) {
          var k = keys[i];
          var encode = types[i].encode;
          if (encode !== exports.identity) {
            s[k] = encode(a[k]);
          }
        }
        return s;
      }, props);
    }
    exports.type = type4;
    exports.interface = type4;
    var PartialType = (
      /** @class */
      (function(_super) {
        __extends(PartialType2, _super);
        function PartialType2(name, is, validate, encode, props) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.props = props;
          _this._tag = "PartialType";
          return _this;
        }
        return PartialType2;
      })(Type7)
    );
    exports.PartialType = PartialType;
    function partial3(props, name) {
      if (name === void 0) {
        name = getPartialTypeName(getInterfaceTypeName(props));
      }
      var keys = Object.keys(props);
      var types = keys.map(function(key2) {
        return props[key2];
      });
      var len = keys.length;
      return new PartialType(name, function(u) {
        if (exports.UnknownRecord.is(u)) {
          for (var i = 0; i < len; i++) {
            var k = keys[i];
            var uk = u[k];
            if (uk !== void 0 && !props[k].is(uk)) {
              return false;
            }
          }
          return true;
        }
        return false;
      }, function(u, c) {
        var e = exports.UnknownRecord.validate(u, c);
        if ((0, Either_1.isLeft)(e)) {
          return e;
        }
        var o = e.right;
        var a = o;
        var errors = [];
        for (var i = 0; i < len; i++) {
          var k = keys[i];
          var ak = a[k];
          var type_2 = props[k];
          var result = type_2.validate(ak, appendContext(c, k, type_2, ak));
          if ((0, Either_1.isLeft)(result)) {
            if (ak !== void 0) {
              pushAll(errors, result.left);
            }
          } else {
            var vak = result.right;
            if (vak !== ak) {
              if (a === o) {
                a = __assign({}, o);
              }
              a[k] = vak;
            }
          }
        }
        return errors.length > 0 ? (0, exports.failures)(errors) : (0, exports.success)(a);
      }, useIdentity(types) ? exports.identity : function(a) {
        var s = __assign({}, a);
        for (var i = 0; i < len; i++) {
          var k = keys[i];
          var ak = a[k];
          if (ak !== void 0) {
            s[k] = types[i].encode(ak);
          }
        }
        return s;
      }, props);
    }
    exports.partial = partial3;
    var DictionaryType = (
      /** @class */
      (function(_super) {
        __extends(DictionaryType2, _super);
        function DictionaryType2(name, is, validate, encode, domain, codomain) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.domain = domain;
          _this.codomain = codomain;
          _this._tag = "DictionaryType";
          return _this;
        }
        return DictionaryType2;
      })(Type7)
    );
    exports.DictionaryType = DictionaryType;
    function record(domain, codomain, name) {
      var keys = getDomainKeys(domain);
      return keys ? enumerableRecord(Object.keys(keys), domain, codomain, name) : nonEnumerableRecord(domain, codomain, name);
    }
    exports.record = record;
    var UnionType2 = (
      /** @class */
      (function(_super) {
        __extends(UnionType3, _super);
        function UnionType3(name, is, validate, encode, types) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.types = types;
          _this._tag = "UnionType";
          return _this;
        }
        return UnionType3;
      })(Type7)
    );
    exports.UnionType = UnionType2;
    function union7(codecs, name) {
      if (name === void 0) {
        name = getUnionName(codecs);
      }
      var index = getIndex(codecs);
      if (index !== void 0 && codecs.length > 0) {
        var tag_1 = index[0], groups_1 = index[1];
        var len_1 = groups_1.length;
        var find_1 = function(value) {
          for (var i = 0; i < len_1; i++) {
            if (groups_1[i].indexOf(value) !== -1) {
              return i;
            }
          }
          return void 0;
        };
        return new TaggedUnionType(name, function(u) {
          if (exports.UnknownRecord.is(u)) {
            var i = find_1(u[tag_1]);
            return i !== void 0 ? codecs[i].is(u) : false;
          }
          return false;
        }, function(u, c) {
          var e = exports.UnknownRecord.validate(u, c);
          if ((0, Either_1.isLeft)(e)) {
            return e;
          }
          var r = e.right;
          var i = find_1(r[tag_1]);
          if (i === void 0) {
            return (0, exports.failure)(u, c);
          }
          var codec = codecs[i];
          return codec.validate(r, appendContext(c, String(i), codec, r));
        }, useIdentity(codecs) ? exports.identity : function(a) {
          var i = find_1(a[tag_1]);
          if (i === void 0) {
            throw new Error("no codec found to encode value in union codec ".concat(name));
          } else {
            return codecs[i].encode(a);
          }
        }, codecs, tag_1);
      } else {
        return new UnionType2(name, function(u) {
          return codecs.some(function(type5) {
            return type5.is(u);
          });
        }, function(u, c) {
          var errors = [];
          for (var i = 0; i < codecs.length; i++) {
            var codec = codecs[i];
            var result = codec.validate(u, appendContext(c, String(i), codec, u));
            if ((0, Either_1.isLeft)(result)) {
              pushAll(errors, result.left);
            } else {
              return (0, exports.success)(result.right);
            }
          }
          return (0, exports.failures)(errors);
        }, useIdentity(codecs) ? exports.identity : function(a) {
          for (var _i = 0, codecs_1 = codecs; _i < codecs_1.length; _i++) {
            var codec = codecs_1[_i];
            if (codec.is(a)) {
              return codec.encode(a);
            }
          }
          throw new Error("no codec found to encode value in union type ".concat(name));
        }, codecs);
      }
    }
    exports.union = union7;
    var IntersectionType2 = (
      /** @class */
      (function(_super) {
        __extends(IntersectionType3, _super);
        function IntersectionType3(name, is, validate, encode, types) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.types = types;
          _this._tag = "IntersectionType";
          return _this;
        }
        return IntersectionType3;
      })(Type7)
    );
    exports.IntersectionType = IntersectionType2;
    function intersection3(codecs, name) {
      if (name === void 0) {
        name = "(".concat(codecs.map(function(type5) {
          return type5.name;
        }).join(" & "), ")");
      }
      var len = codecs.length;
      return new IntersectionType2(name, function(u) {
        return codecs.every(function(type5) {
          return type5.is(u);
        });
      }, codecs.length === 0 ? exports.success : function(u, c) {
        var us = [];
        var errors = [];
        for (var i = 0; i < len; i++) {
          var codec = codecs[i];
          var result = codec.validate(u, appendContext(c, String(i), codec, u));
          if ((0, Either_1.isLeft)(result)) {
            pushAll(errors, result.left);
          } else {
            us.push(result.right);
          }
        }
        return errors.length > 0 ? (0, exports.failures)(errors) : (0, exports.success)(mergeAll(u, us));
      }, codecs.length === 0 ? exports.identity : function(a) {
        return mergeAll(a, codecs.map(function(codec) {
          return codec.encode(a);
        }));
      }, codecs);
    }
    exports.intersection = intersection3;
    var TupleType = (
      /** @class */
      (function(_super) {
        __extends(TupleType2, _super);
        function TupleType2(name, is, validate, encode, types) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.types = types;
          _this._tag = "TupleType";
          return _this;
        }
        return TupleType2;
      })(Type7)
    );
    exports.TupleType = TupleType;
    function tuple(codecs, name) {
      if (name === void 0) {
        name = "[".concat(codecs.map(function(type5) {
          return type5.name;
        }).join(", "), "]");
      }
      var len = codecs.length;
      return new TupleType(name, function(u) {
        return exports.UnknownArray.is(u) && u.length === len && codecs.every(function(type5, i) {
          return type5.is(u[i]);
        });
      }, function(u, c) {
        var e = exports.UnknownArray.validate(u, c);
        if ((0, Either_1.isLeft)(e)) {
          return e;
        }
        var us = e.right;
        var as = us.length > len ? us.slice(0, len) : us;
        var errors = [];
        for (var i = 0; i < len; i++) {
          var a = us[i];
          var type_3 = codecs[i];
          var result = type_3.validate(a, appendContext(c, String(i), type_3, a));
          if ((0, Either_1.isLeft)(result)) {
            pushAll(errors, result.left);
          } else {
            var va = result.right;
            if (va !== a) {
              if (as === us) {
                as = us.slice();
              }
              as[i] = va;
            }
          }
        }
        return errors.length > 0 ? (0, exports.failures)(errors) : (0, exports.success)(as);
      }, useIdentity(codecs) ? exports.identity : function(a) {
        return codecs.map(function(type5, i) {
          return type5.encode(a[i]);
        });
      }, codecs);
    }
    exports.tuple = tuple;
    var ReadonlyType2 = (
      /** @class */
      (function(_super) {
        __extends(ReadonlyType3, _super);
        function ReadonlyType3(name, is, validate, encode, type5) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.type = type5;
          _this._tag = "ReadonlyType";
          return _this;
        }
        return ReadonlyType3;
      })(Type7)
    );
    exports.ReadonlyType = ReadonlyType2;
    function readonly4(codec, name) {
      if (name === void 0) {
        name = "Readonly<".concat(codec.name, ">");
      }
      return new ReadonlyType2(name, codec.is, codec.validate, codec.encode, codec);
    }
    exports.readonly = readonly4;
    var ReadonlyArrayType = (
      /** @class */
      (function(_super) {
        __extends(ReadonlyArrayType2, _super);
        function ReadonlyArrayType2(name, is, validate, encode, type5) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.type = type5;
          _this._tag = "ReadonlyArrayType";
          return _this;
        }
        return ReadonlyArrayType2;
      })(Type7)
    );
    exports.ReadonlyArrayType = ReadonlyArrayType;
    function readonlyArray3(item, name) {
      if (name === void 0) {
        name = "ReadonlyArray<".concat(item.name, ">");
      }
      var codec = array(item);
      return new ReadonlyArrayType(name, codec.is, codec.validate, codec.encode, item);
    }
    exports.readonlyArray = readonlyArray3;
    var strict = function(props, name) {
      return exact4(type4(props), name);
    };
    exports.strict = strict;
    var ExactType2 = (
      /** @class */
      (function(_super) {
        __extends(ExactType3, _super);
        function ExactType3(name, is, validate, encode, type5) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.type = type5;
          _this._tag = "ExactType";
          return _this;
        }
        return ExactType3;
      })(Type7)
    );
    exports.ExactType = ExactType2;
    function exact4(codec, name) {
      if (name === void 0) {
        name = getExactTypeName(codec);
      }
      var props = getProps(codec);
      return new ExactType2(name, codec.is, function(u, c) {
        var e = exports.UnknownRecord.validate(u, c);
        if ((0, Either_1.isLeft)(e)) {
          return e;
        }
        var ce = codec.validate(u, c);
        if ((0, Either_1.isLeft)(ce)) {
          return ce;
        }
        return (0, Either_1.right)(stripKeys(ce.right, props));
      }, function(a) {
        return codec.encode(stripKeys(a, props));
      }, codec);
    }
    exports.exact = exact4;
    var FunctionType = (
      /** @class */
      (function(_super) {
        __extends(FunctionType2, _super);
        function FunctionType2() {
          var _this = _super.call(
            this,
            "Function",
            // tslint:disable-next-line:strict-type-predicates
            function(u) {
              return typeof u === "function";
            },
            function(u, c) {
              return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
            },
            exports.identity
          ) || this;
          _this._tag = "FunctionType";
          return _this;
        }
        return FunctionType2;
      })(Type7)
    );
    exports.FunctionType = FunctionType;
    exports.Function = new FunctionType();
    var NeverType = (
      /** @class */
      (function(_super) {
        __extends(NeverType2, _super);
        function NeverType2() {
          var _this = _super.call(
            this,
            "never",
            function(_) {
              return false;
            },
            function(u, c) {
              return (0, exports.failure)(u, c);
            },
            /* istanbul ignore next */
            function() {
              throw new Error("cannot encode never");
            }
          ) || this;
          _this._tag = "NeverType";
          return _this;
        }
        return NeverType2;
      })(Type7)
    );
    exports.NeverType = NeverType;
    exports.never = new NeverType();
    var AnyType = (
      /** @class */
      (function(_super) {
        __extends(AnyType2, _super);
        function AnyType2() {
          var _this = _super.call(this, "any", function(_) {
            return true;
          }, exports.success, exports.identity) || this;
          _this._tag = "AnyType";
          return _this;
        }
        return AnyType2;
      })(Type7)
    );
    exports.AnyType = AnyType;
    exports.any = new AnyType();
    function refinement2(codec, predicate, name) {
      if (name === void 0) {
        name = "(".concat(codec.name, " | ").concat(getFunctionName(predicate), ")");
      }
      return new RefinementType2(name, function(u) {
        return codec.is(u) && predicate(u);
      }, function(i, c) {
        var e = codec.validate(i, c);
        if ((0, Either_1.isLeft)(e)) {
          return e;
        }
        var a = e.right;
        return predicate(a) ? (0, exports.success)(a) : (0, exports.failure)(a, c);
      }, codec.encode, codec, predicate);
    }
    exports.refinement = refinement2;
    exports.Integer = refinement2(exports.number, Number.isInteger, "Integer");
    var TaggedUnionType = (
      /** @class */
      (function(_super) {
        __extends(TaggedUnionType2, _super);
        function TaggedUnionType2(name, is, validate, encode, codecs, tag) {
          var _this = _super.call(this, name, is, validate, encode, codecs) || this;
          _this.tag = tag;
          return _this;
        }
        return TaggedUnionType2;
      })(UnionType2)
    );
    exports.TaggedUnionType = TaggedUnionType;
    var taggedUnion = function(tag, codecs, name) {
      if (name === void 0) {
        name = getUnionName(codecs);
      }
      var U = union7(codecs, name);
      if (U instanceof TaggedUnionType) {
        return U;
      } else {
        console.warn("[io-ts] Cannot build a tagged union for ".concat(name, ", returning a de-optimized union"));
        return new TaggedUnionType(name, U.is, U.validate, U.encode, codecs, tag);
      }
    };
    exports.taggedUnion = taggedUnion;
    var getValidationError = function(value, context) {
      return {
        value,
        context
      };
    };
    exports.getValidationError = getValidationError;
    var getDefaultContext = function(decoder) {
      return [
        { key: "", type: decoder }
      ];
    };
    exports.getDefaultContext = getDefaultContext;
    exports.Dictionary = exports.UnknownRecord;
    var ObjectType = (
      /** @class */
      (function(_super) {
        __extends(ObjectType2, _super);
        function ObjectType2() {
          var _this = _super.call(this, "object", function(u) {
            return u !== null && typeof u === "object";
          }, function(u, c) {
            return _this.is(u) ? (0, exports.success)(u) : (0, exports.failure)(u, c);
          }, exports.identity) || this;
          _this._tag = "ObjectType";
          return _this;
        }
        return ObjectType2;
      })(Type7)
    );
    exports.ObjectType = ObjectType;
    exports.object = new ObjectType();
    exports.dictionary = record;
    var StrictType = (
      /** @class */
      (function(_super) {
        __extends(StrictType2, _super);
        function StrictType2(name, is, validate, encode, props) {
          var _this = _super.call(this, name, is, validate, encode) || this;
          _this.props = props;
          _this._tag = "StrictType";
          return _this;
        }
        return StrictType2;
      })(Type7)
    );
    exports.StrictType = StrictType;
    function clean(codec) {
      return codec;
    }
    exports.clean = clean;
    function alias(codec) {
      return function() {
        return codec;
      };
    }
    exports.alias = alias;
  }
});

// ../packages/store-sqlite/src/sqlite-read-ahead-worker.ts
import Database2 from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";

// ../packages/store-sqlite/src/sqlite-auditor.ts
import Database from "better-sqlite3";
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";

// ../packages/core/src/ids.ts
var t = __toESM(require_lib(), 1);
var maxIdLength = 128;
var idAlphabet = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
var id = (name, maxLength = maxIdLength) => {
  const is = (u) => typeof u === "string" && u.length <= maxLength && idAlphabet.test(u);
  return new t.Type(
    name,
    is,
    (u, c) => is(u) ? t.success(u) : typeof u === "string" && u.includes("@") ? t.failure(u, c, `${name} without "@": an id stays in the log for good, and an e-mail address in it could never be erased`) : t.failure(u, c, `${name} of 1 to ${maxLength} characters (letters, digits, ".", "_", ":", "-"; first a letter or digit)`),
    t.identity
  );
};
var AccountId = id("AccountId");
var PrincipalId = id("PrincipalId");
var GrantId = id("GrantId");
var TenantId = id("TenantId");
var CommandId = id("CommandId");
var TransferId = id("TransferId");
var StakeholderId = id("StakeholderId");
var EventId = id("EventId");
var CorrelationId = id("CorrelationId");
var SubjectId = id("SubjectId", maxIdLength + 32);

// ../packages/core/src/instant.ts
var t2 = __toESM(require_lib(), 1);
var digitAt = (s, i) => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
};
var twoDigitsAt = (s, i) => {
  const tens = digitAt(s, i);
  const ones = digitAt(s, i + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
};
var daysInMonth = (year, month) => month === 2 ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28 : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
var isInstant = (u) => {
  if (typeof u !== "string" || u.length !== 24) return false;
  if (u[4] !== "-" || u[7] !== "-" || u[10] !== "T" || u[13] !== ":" || u[16] !== ":" || u[19] !== "." || u[23] !== "Z") return false;
  const century = twoDigitsAt(u, 0);
  const yearOfCentury = twoDigitsAt(u, 2);
  const month = twoDigitsAt(u, 5);
  const day = twoDigitsAt(u, 8);
  const hour = twoDigitsAt(u, 11);
  const minute = twoDigitsAt(u, 14);
  const second = twoDigitsAt(u, 17);
  if (century < 0 || yearOfCentury < 0 || digitAt(u, 20) < 0 || twoDigitsAt(u, 21) < 0) return false;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(century * 100 + yearOfCentury, month)) return false;
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
};
var isCalendarDate = (ymd) => {
  const [y = NaN, m = NaN, d = NaN] = ymd.split("-").map(Number);
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
var Instant = new t2.Type(
  "Instant",
  isInstant,
  (u, c) => {
    if (u instanceof Date) return Number.isNaN(u.getTime()) ? t2.failure(u, c, "an invalid Date") : t2.success(u.toISOString());
    if (typeof u !== "string") return t2.failure(u, c, "an ISO-8601 timestamp");
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(u)) {
      return t2.failure(u, c, "an ISO-8601 timestamp with a time zone");
    }
    const ms = Date.parse(u);
    if (Number.isNaN(ms) || !isCalendarDate(u.slice(0, 10))) return t2.failure(u, c, "an existing date");
    const iso = new Date(ms).toISOString();
    return isInstant(iso) ? t2.success(iso) : t2.failure(u, c, "an instant within the years 0000 to 9999");
  },
  t2.identity
);

// ../packages/core/src/vocabulary.ts
var t4 = __toESM(require_lib(), 1);

// ../packages/core/src/text.ts
var t3 = __toESM(require_lib(), 1);

// ../packages/core/src/value-description.ts
var forbiddenCharacterIn = (s) => {
  const at = s.search(/[\u0000-\u0008\u000b-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  if (at < 0) return void 0;
  const code = s.charCodeAt(at);
  const name = code < 32 ? "a control character" : "a lone surrogate";
  return `${name} U+${code.toString(16).toUpperCase().padStart(4, "0")} at index ${at}`;
};
var describeValue = (u) => {
  if (u === void 0) return "nothing";
  if (u === null) return "null";
  switch (typeof u) {
    case "string": {
      if (u.length === 0) return "an empty string";
      const bad = forbiddenCharacterIn(u);
      const size2 = `a string of ${u.length} character${u.length === 1 ? "" : "s"}`;
      return bad === void 0 ? size2 : `${size2} with ${bad}`;
    }
    case "number":
      if (Number.isNaN(u)) return "NaN";
      if (!Number.isFinite(u)) return u > 0 ? "Infinity" : "-Infinity";
      if (Object.is(u, -0)) return "-0";
      return Number.isInteger(u) ? Number.isSafeInteger(u) ? "an integer" : "an integer beyond 2^53" : "a fraction";
    case "bigint":
      return "a bigint";
    case "boolean":
      return "a boolean";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    default:
      return Array.isArray(u) ? `a list of ${u.length} entr${u.length === 1 ? "y" : "ies"}` : u instanceof Date ? "a Date" : "an object";
  }
};

// ../packages/core/src/text.ts
var maxNameLength = 300;
var maxFreeTextLength = 2e3;
var maxEmailLength = 254;
var textOf = (name, what, maxLength, accepts = () => true) => {
  const problem = (s) => forbiddenCharacterIn(s) !== void 0 ? `${what} without control characters (but tab and newline) or lone surrogates` : s.length > maxLength ? `${what} of at most ${maxLength} characters` : s.trim().length === 0 ? `${what} that is not blank` : accepts(s) ? void 0 : what;
  return new t3.Type(
    name,
    (u) => typeof u === "string" && problem(u) === void 0,
    (u, c) => {
      if (typeof u !== "string") return t3.failure(u, c, `${what} (text)`);
      const p = problem(u);
      return p === void 0 ? t3.success(u) : t3.failure(u, c, p);
    },
    t3.identity
  );
};
var Name = textOf("Name", "a name", maxNameLength);
var NonEmptyText = textOf("NonEmptyText", "text", maxFreeTextLength);
var EmailAddress = textOf("EmailAddress", "an e-mail address", maxEmailLength, (s) => /^[^\s@]+@[^\s@]+$/.test(s));

// ../packages/core/src/vocabulary.ts
var words = (name, ws) => t4.keyof(Object.fromEntries(ws.map((w) => [w, null])), name);
var Tier = words("Tier", ["key", "high-value", "standard"]);
var LegalBasis = words("LegalBasis", [
  "art6-1-a-consent",
  "art6-1-b-contract",
  "art6-1-c-legal-obligation",
  "art6-1-d-vital-interests",
  "art6-1-e-public-task",
  "art6-1-f-legitimate-interests"
]);
var AccessScope = words("AccessScope", ["read", "read-write"]);
var TeamRole = words("TeamRole", ["co-owner", "sales", "customer-success", "support", "finance", "executive-sponsor"]);
var StakeholderRole = words("StakeholderRole", ["decision-maker", "influencer", "user", "gatekeeper", "champion", "buyer"]);
var ArchiveReason = words("ArchiveReason", ["churned", "merged", "inactive", "duplicate"]);
var OrphanReason = words("OrphanReason", ["owner-offboarded", "owner-removed"]);
var RevocationReason = words("RevocationReason", ["no-longer-needed", "grantee-offboarded", "policy-violation", "access-review", "owner-changed"]);
var ErasureGround = words("ErasureGround", [
  "art17-1-a-no-longer-necessary",
  "art17-1-b-consent-withdrawn",
  "art17-1-c-objection",
  "art17-1-d-unlawfully-processed",
  "art17-1-e-legal-obligation",
  "art17-1-f-child-information-society"
]);

// ../packages/core/src/quantity.ts
var t5 = __toESM(require_lib(), 1);
var isFinite = (u) => typeof u === "number" && Number.isFinite(u) && !Object.is(u, -0);
var FiniteNumber = new t5.Type(
  "FiniteNumber",
  isFinite,
  (u, c) => isFinite(u) ? t5.success(u) : t5.failure(u, c, "a finite number (not NaN, \xB1Infinity or -0)"),
  t5.identity
);
var isCount = (u) => isFinite(u) && Number.isSafeInteger(u) && u >= 0;
var Count = new t5.Type(
  "Count",
  isCount,
  (u, c) => isCount(u) ? t5.success(u) : t5.failure(u, c, "a whole number from 0 to 2^53 - 1"),
  t5.identity
);

// ../packages/core/src/bounded-list.ts
var t6 = __toESM(require_lib(), 1);
var maxListLength = 100;
var boundedList = (item, maxLength = maxListLength) => {
  const list = t6.readonlyArray(item);
  const codec = new t6.Type(
    `BoundedList<${item.name}>`,
    (u) => list.is(u) && u.length <= maxLength,
    (u, c) => Array.isArray(u) && u.length > maxLength ? t6.failure(u, c, `a list of at most ${maxLength} entries`) : list.validate(u, c),
    list.encode
  );
  return Object.assign(codec, { item, maxLength });
};

// ../packages/core/src/personal-text.ts
var t7 = __toESM(require_lib(), 1);
var sealedShape = /^[a-z0-9]{1,16}~[A-Za-z0-9._:-]{1,160}~[1-9][0-9]{0,8}~[A-Za-z0-9_-]+$/;
var maxSealedLength = (maxPlainLength) => Math.ceil((3 * maxPlainLength + 28) * 4 / 3) + 16 + 160 + 9 + 3;
var personalText = (plain, maxPlainLength) => {
  const maxLength = maxSealedLength(maxPlainLength);
  const isSealed = (u) => typeof u === "string" && u.length <= maxLength && sealedShape.test(u);
  return new t7.Type(
    plain.name,
    (u) => plain.is(u) || isSealed(u),
    (u, c) => isSealed(u) ? t7.success(u) : plain.validate(u, c),
    t7.identity
  );
};

// ../packages/core/src/policy.ts
var t8 = __toESM(require_lib(), 1);
var ReasonCode = t8.refinement(t8.string, (s) => /^[a-z][a-z0-9-]{0,63}$/.test(s), "ReasonCode");
var PurposeCode = t8.refinement(t8.string, (s) => /^[a-z][a-z0-9-]{0,63}$/.test(s), "PurposeCode");
var Policy = t8.readonly(
  t8.exact(
    t8.type({
      /** Whether a transfer of an account of this tier needs an approver (Vier-Augen-Prinzip). */
      fourEyes: t8.readonly(t8.type({ key: t8.boolean, "high-value": t8.boolean, standard: t8.boolean })),
      /** Longest a grant may run, in days; `null` allows grants without expiry. */
      maxGrantDays: t8.union([t8.refinement(t8.number, (n) => Number.isInteger(n) && n > 0, "PositiveInteger"), t8.null]),
      /** The reason codes a transfer may name. */
      reasonCodes: t8.readonlyArray(ReasonCode),
      /** The purpose codes a grant may name (since 0.3.0). */
      purposeCodes: t8.readonlyArray(PurposeCode),
      /** Principals who may act on every account (grant access, transfer, assign); plain ids. */
      admins: t8.readonlyArray(t8.refinement(t8.string, (s) => PrincipalId.is(s), "PrincipalId"))
    })
  ),
  "Policy"
);

// ../packages/core/src/field-problem.ts
var E = __toESM(require_Either(), 1);
var t9 = __toESM(require_lib(), 1);
var isStructural = (type4) => {
  let inner = type4;
  while (inner instanceof t9.ReadonlyType || inner instanceof t9.ExactType || inner instanceof t9.RefinementType) inner = inner.type;
  return inner instanceof t9.UnionType || inner instanceof t9.IntersectionType;
};
var withArticle = (name) => `${/^([AEIOaeiou]|U[a-z])/.test(name) ? "an" : "a"} ${name}`;
var problemOf = (error, root) => {
  const keys = [];
  error.context.forEach((entry, i) => {
    const parent = error.context[i - 1];
    if (i === 0 || entry.key === "" || parent !== void 0 && isStructural(parent.type)) return;
    keys.push(/^\d+$/.test(entry.key) ? `[${entry.key}]` : keys.length === 0 && root === "" ? entry.key : `.${entry.key}`);
  });
  const field = `${root}${keys.join("")}`.replace(/^\./, "") || "(input)";
  const expected = error.message ?? withArticle(error.context[error.context.length - 1]?.type.name ?? "value");
  return { field, message: `expected ${expected}, got ${describeValue(error.value)}` };
};
var allProblems = (errors, root = "") => {
  const byField = /* @__PURE__ */ new Map();
  for (const error of errors) {
    const problem = problemOf(error, root);
    if (!byField.has(problem.field)) byField.set(problem.field, problem);
  }
  const [first = { field: root || "(input)", message: "is invalid" }, ...rest] = byField.values();
  return problemsOf([first, ...rest]);
};
var problemsOf = (problems) => ({ ...problems[0], problems });
var unreadable = (root) => problemsOf([{ field: root || "(input)", message: "could not be read (reading one of its properties threw)" }]);
var decodeWith = (codec, root = "") => (u) => {
  try {
    const result = codec.decode(u);
    return E.isRight(result) ? result : E.left(allProblems(result.left, root));
  } catch {
    return E.left(unreadable(root));
  }
};
var decodeByType = (members, root = "") => {
  const byType = /* @__PURE__ */ new Map();
  for (const m of members) byType.set(m.name, m);
  const known = [...byType.keys()].join(", ");
  return (u) => {
    let type4;
    try {
      type4 = typeof u === "object" && u !== null ? u.type : void 0;
    } catch {
      return E.left(unreadable(root));
    }
    const codec = typeof type4 === "string" ? byType.get(type4) : void 0;
    if (codec === void 0) {
      return E.left(problemsOf([{ field: root === "" ? "type" : `${root}.type`, message: `expected one of ${known}, got ${describeValue(type4)}` }]));
    }
    return decodeWith(codec, root)(u);
  };
};
var showProblems = (problems) => problems.map((p) => `${p.field}: ${p.message}`).join("; ");

// ../packages/core/src/event.ts
var t10 = __toESM(require_lib(), 1);
var message = (type4, props, optional) => t10.readonly(
  t10.exact(
    t10.type({
      type: t10.literal(type4),
      data: t10.readonly(
        t10.exact(t10.intersection([t10.type(props), t10.partial(optional ?? {})]))
      )
    })
  ),
  type4
);

// ../packages/core/src/tagged-error.ts
var TaggedError = (tag) => class extends Error {
  _tag = tag;
  constructor(message2, options) {
    super(message2, options);
    this.name = tag;
  }
};

// ../packages/core/src/domain-event.ts
var t17 = __toESM(require_lib(), 1);

// ../packages/core/src/access-log/access-log-events.ts
var t11 = __toESM(require_lib(), 1);
var words2 = (name, ws) => t11.keyof(Object.fromEntries(ws.map((w) => [w, null])), name);
var AccessAction = words2("AccessAction", ["read", "write"]);
var AccessDecisionReason = words2("AccessDecisionReason", [
  "owner",
  "team-member",
  "grant",
  "account-not-open",
  "account-archived",
  "principal-offboarded",
  "no-grant",
  "grant-not-yet-valid",
  "grant-expired",
  "grant-revoked",
  "purpose-not-covered",
  "scope-not-covered"
]);
var AccessDecided = message("AccessDecided", {
  accountId: AccountId,
  principalId: PrincipalId,
  action: AccessAction,
  /** The purpose code of the policy the access was asked for. */
  purpose: PurposeCode,
  outcome: words2("AccessOutcome", ["allowed", "denied"]),
  reason: AccessDecisionReason,
  grantId: t11.union([GrantId, t11.null]),
  legalBasis: t11.union([LegalBasis, t11.null]),
  grantExpiresAt: t11.union([Instant, t11.null]),
  teamRole: t11.union([TeamRole, t11.null])
});
var AlertKind = words2("AlertKind", ["denied-burst", "offboarded-access", "bulk-access", "near-expiry-access", "out-of-hours-access"]);
var AccessAlertRaised = message("AccessAlertRaised", {
  kind: AlertKind,
  principalId: PrincipalId,
  /** The account of the decision that set the alert off. */
  accountId: AccountId,
  grantId: t11.union([GrantId, t11.null]),
  from: Instant,
  to: Instant,
  count: Count,
  detail: NonEmptyText
});
var GrantReviewed = message("GrantReviewed", {
  accountId: AccountId,
  grantId: GrantId,
  reviewedBy: PrincipalId,
  outcome: words2("GrantReviewOutcome", ["confirmed", "revoked"])
});
var AccessControlEvent = t11.union([AccessDecided, AccessAlertRaised, GrantReviewed], "AccessControlEvent");

// ../packages/core/src/account/account-event.ts
var t15 = __toESM(require_lib(), 1);

// ../packages/core/src/account/access/access-events.ts
var t12 = __toESM(require_lib(), 1);
var AccessGranted = message(
  "AccessGranted",
  {
    accountId: AccountId,
    grantId: GrantId,
    granteeId: PrincipalId,
    scope: AccessScope,
    purpose: PurposeCode,
    legalBasis: LegalBasis,
    grantedBy: PrincipalId,
    validFrom: Instant,
    expiresAt: t12.union([Instant, t12.null])
  },
  { purposeNote: personalText(NonEmptyText, maxFreeTextLength) }
);
var AccessRevoked = message("AccessRevoked", {
  accountId: AccountId,
  grantId: GrantId,
  revokedBy: PrincipalId,
  reason: RevocationReason
});
var AccessExpired = message("AccessExpired", {
  accountId: AccountId,
  grantId: GrantId,
  expiredAt: Instant
});

// ../packages/core/src/account/classification/classification-events.ts
var AccountClassified = message("AccountClassified", {
  accountId: AccountId,
  tier: Tier,
  score: FiniteNumber,
  criteria: boundedList(personalText(NonEmptyText, maxFreeTextLength)),
  classifiedBy: PrincipalId
});

// ../packages/core/src/account/lifecycle/lifecycle-events.ts
var t13 = __toESM(require_lib(), 1);
var AccountOpened = message(
  "AccountOpened",
  {
    accountId: AccountId,
    tenantId: TenantId,
    displayName: personalText(Name, maxNameLength),
    tier: Tier,
    openedBy: PrincipalId
  },
  { soleTrader: t13.boolean }
);
var AccountArchived = message("AccountArchived", {
  accountId: AccountId,
  reason: ArchiveReason,
  archivedBy: PrincipalId
});
var AccountRestored = message("AccountRestored", {
  accountId: AccountId,
  restoredBy: PrincipalId
});

// ../packages/core/src/account/ownership/ownership-events.ts
var t14 = __toESM(require_lib(), 1);
var OwnershipAssigned = message("OwnershipAssigned", {
  accountId: AccountId,
  ownerId: PrincipalId,
  assignedBy: PrincipalId
});
var OwnershipTransferRequested = message("OwnershipTransferRequested", {
  accountId: AccountId,
  transferId: TransferId,
  fromOwnerId: PrincipalId,
  toOwnerId: PrincipalId,
  reasonCode: ReasonCode,
  requestedBy: PrincipalId,
  keepsTeam: t14.boolean
});
var OwnershipTransferApproved = message("OwnershipTransferApproved", {
  accountId: AccountId,
  transferId: TransferId,
  approvedBy: PrincipalId
});
var OwnershipTransferRejected = message("OwnershipTransferRejected", {
  accountId: AccountId,
  transferId: TransferId,
  rejectedBy: PrincipalId,
  reason: personalText(NonEmptyText, maxFreeTextLength)
});
var OwnershipTransferred = message(
  "OwnershipTransferred",
  {
    accountId: AccountId,
    fromOwnerId: PrincipalId,
    toOwnerId: PrincipalId,
    reasonCode: ReasonCode,
    transferredBy: PrincipalId,
    keepsTeam: t14.boolean
  },
  { transferId: TransferId }
);
var AccountOrphaned = message("AccountOrphaned", {
  accountId: AccountId,
  previousOwnerId: PrincipalId,
  reason: OrphanReason
});

// ../packages/core/src/account/stakeholders/stakeholder-events.ts
var StakeholderMapped = message(
  "StakeholderMapped",
  {
    accountId: AccountId,
    stakeholderId: StakeholderId,
    role: StakeholderRole,
    name: personalText(Name, maxNameLength),
    mappedBy: PrincipalId
  },
  { email: personalText(EmailAddress, maxEmailLength) }
);
var StakeholderRemoved = message("StakeholderRemoved", {
  accountId: AccountId,
  stakeholderId: StakeholderId,
  removedBy: PrincipalId
});

// ../packages/core/src/account/team/team-events.ts
var TeamMemberAdded = message("TeamMemberAdded", {
  accountId: AccountId,
  principalId: PrincipalId,
  role: TeamRole,
  addedBy: PrincipalId
});
var TeamMemberRemoved = message("TeamMemberRemoved", {
  accountId: AccountId,
  principalId: PrincipalId,
  removedBy: PrincipalId
});

// ../packages/core/src/account/account-event.ts
var AccountEvent = t15.union(
  [
    AccountOpened,
    OwnershipAssigned,
    OwnershipTransferRequested,
    OwnershipTransferApproved,
    OwnershipTransferRejected,
    OwnershipTransferred,
    AccountOrphaned,
    TeamMemberAdded,
    TeamMemberRemoved,
    AccessGranted,
    AccessRevoked,
    AccessExpired,
    AccountClassified,
    StakeholderMapped,
    StakeholderRemoved,
    AccountArchived,
    AccountRestored
  ],
  "AccountEvent"
);

// ../packages/core/src/offboarding/principal-events.ts
var t16 = __toESM(require_lib(), 1);
var PrincipalOffboarded = message("PrincipalOffboarded", {
  principalId: PrincipalId,
  successorId: t16.union([PrincipalId, t16.null]),
  offboardedBy: PrincipalId,
  reason: personalText(NonEmptyText, maxFreeTextLength)
});
var PrincipalEvent = PrincipalOffboarded;

// ../packages/core/src/subject/subject-events.ts
var PersonalDataErased = message("PersonalDataErased", {
  subjectId: SubjectId,
  erasedBy: PrincipalId,
  legalGround: ErasureGround,
  /** How many key versions of the subject were destroyed (0 when none was left). */
  keysDestroyed: Count
});
var SubjectEvent = PersonalDataErased;

// ../packages/core/src/domain-event.ts
var domainEventCodecs = [...AccountEvent.types, PrincipalEvent, SubjectEvent, ...AccessControlEvent.types];
var DomainEvent = t17.union([AccountEvent, PrincipalEvent, SubjectEvent, AccessControlEvent], "DomainEvent");
var decodeDomainEvent = (root = "") => decodeByType(domainEventCodecs, root);

// ../packages/core/src/store/expected-version.ts
var showVersion = (v) => typeof v === "bigint" ? v.toString() : v;

// ../packages/core/src/store/store-errors.ts
var ConcurrencyError = class extends TaggedError("ConcurrencyError") {
  streamId;
  expected;
  actual;
  constructor(streamId, expected, actual) {
    super(`stream ${streamId}: expected version ${showVersion(expected)}, actual ${showVersion(actual)}`);
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
};
var StoreUnavailableError = class extends TaggedError("StoreUnavailableError") {
  retryable;
  reason;
  constructor(reason, retryable, options) {
    super(`event store unavailable (${retryable ? "retryable" : "not retryable"}): ${reason}`, options);
    this.retryable = retryable;
    this.reason = reason;
  }
};
var CorruptEventError = class extends TaggedError("CorruptEventError") {
  streamId;
  streamVersion;
  globalPosition;
  reason;
  constructor(at, reason) {
    super(`corrupt event in ${at.streamId} at version ${at.streamVersion} (position ${at.globalPosition}): ${reason}`);
    this.streamId = at.streamId;
    this.streamVersion = at.streamVersion;
    this.globalPosition = at.globalPosition;
    this.reason = reason;
  }
};
var DuplicateEventError = class extends TaggedError("DuplicateEventError") {
  eventId;
  streamId;
  constructor(eventId, streamId) {
    super(`event ${eventId} is already recorded elsewhere than this append to ${streamId}`);
    this.eventId = eventId;
    this.streamId = streamId;
  }
};
var InvalidStoreInputError = class extends TaggedError("InvalidStoreInputError") {
  field;
  reason;
  /** @since 0.2.0 */
  problems;
  constructor(field, reason, problems = [{ field, message: reason }]) {
    super(problems.length > 1 ? `invalid input: ${showProblems(problems)}` : `invalid ${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
    this.problems = problems;
  }
};

// ../packages/core/src/store/recorded-event.ts
var t18 = __toESM(require_lib(), 1);
var Actor = t18.readonly(
  t18.exact(t18.intersection([t18.type({ principalId: PrincipalId }), t18.partial({ onBehalfOf: PrincipalId })])),
  "Actor"
);
var EventMetadata = t18.readonly(
  t18.exact(
    t18.type({
      eventId: EventId,
      occurredAt: Instant,
      actor: Actor,
      tenantId: TenantId,
      correlationId: CorrelationId,
      causationId: CorrelationId,
      commandId: CommandId
    })
  ),
  "EventMetadata"
);

// ../packages/core/src/store/stored-event.ts
var E2 = __toESM(require_Either(), 1);

// ../packages/core/src/store/already-encoded.ts
var t19 = __toESM(require_lib(), 1);
var always = () => true;
var keptFields = (codec) => {
  const { _tag, type: type4, types, props } = codec;
  switch (_tag) {
    case "ReadonlyType":
    case "RefinementType":
      return keptFields(type4);
    case "InterfaceType":
    case "StrictType":
    case "PartialType":
      return new Set(Object.keys(props));
    case "IntersectionType": {
      const all = types.map(keptFields);
      return all.some((s) => s === void 0) ? void 0 : new Set(all.flatMap((s) => [...s]));
    }
    default:
      return void 0;
  }
};
var onlyFields = (a, kept) => {
  for (const key2 of Object.getOwnPropertyNames(a)) if (!kept.has(key2)) return false;
  return true;
};
var alreadyEncoded = (codec) => {
  const { _tag, type: type4, types, props } = codec;
  switch (_tag) {
    case "ReadonlyType":
    case "RefinementType":
      return alreadyEncoded(type4);
    case "ExactType": {
      const kept = keptFields(type4);
      if (kept === void 0) break;
      const inner = alreadyEncoded(type4);
      return inner === always ? (a) => onlyFields(a, kept) : (a) => onlyFields(a, kept) && inner(a);
    }
    case "InterfaceType":
    case "PartialType": {
      const fields = Object.entries(props).map(([key2, field]) => [key2, alreadyEncoded(field)]).filter(([, check]) => check !== always);
      if (fields.length === 0) return always;
      const optional = _tag === "PartialType";
      return (a) => {
        for (const [key2, check] of fields) {
          const value = a[key2];
          if (!(optional && value === void 0) && !check(value)) return false;
        }
        return true;
      };
    }
    case "IntersectionType": {
      const checks = types.map(alreadyEncoded).filter((check) => check !== always);
      return checks.length === 0 ? always : (a) => checks.every((check) => check(a));
    }
    case "UnionType": {
      const members = types.map((member) => [member, alreadyEncoded(member)]);
      if (members.every(([, check]) => check === always)) return always;
      return (a) => {
        for (const [member, check] of members) if (member.is(a)) return check(a);
        return false;
      };
    }
    case "ArrayType":
    case "ReadonlyArrayType": {
      const item = alreadyEncoded(type4);
      return item === always ? always : (a) => a.every(item);
    }
  }
  return codec.encode === t19.identity ? always : (a) => codec.encode(a) === a;
};

// ../packages/core/src/store/stored-event.ts
var codecByType = new Map(domainEventCodecs.map((codec) => [codec.name, codec]));
var encodedByType = new Map(domainEventCodecs.map((codec) => [codec.name, alreadyEncoded(codec)]));
var metadataEncoded = alreadyEncoded(EventMetadata);
var maxEventBytes = 64 * 1024;
var parseJson = (text2, what) => {
  try {
    return E2.right(JSON.parse(text2));
  } catch (e) {
    return E2.left(`${what} is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
};
var decodeEvent = decodeDomainEvent();
var decodeMetadata = decodeWith(EventMetadata, "metadata");
var show = (p) => `${p.field}: ${p.message}`;
var checkedEvent = (type4, data) => {
  const candidate = { type: type4, data };
  if (codecByType.get(type4)?.is(candidate) === true) return E2.right(candidate);
  return E2.mapLeft(show)(decodeEvent(candidate));
};
var checkedMetadata = (raw) => EventMetadata.is(raw) ? E2.right(raw) : E2.mapLeft(show)(decodeMetadata(raw));
var decodeStoredEvent = (row, schema) => {
  const corrupt = (reason) => E2.left(new CorruptEventError(row, reason));
  const rawData = parseJson(row.data, "data");
  if (E2.isLeft(rawData)) return corrupt(rawData.left);
  const rawMetadata = parseJson(row.metadata, "metadata");
  if (E2.isLeft(rawMetadata)) return corrupt(rawMetadata.left);
  const data = schema.upcast(row.type, row.schemaVersion, rawData.right);
  if (E2.isLeft(data)) return corrupt(data.left);
  const event = checkedEvent(row.type, data.right);
  if (E2.isLeft(event)) return corrupt(event.left);
  const metadata = checkedMetadata(rawMetadata.right);
  if (E2.isLeft(metadata)) return corrupt(metadata.left);
  if (!Instant.is(row.recordedAt)) return corrupt(`recordedAt: expected an Instant, got ${JSON.stringify(row.recordedAt)}`);
  if (metadata.right.eventId !== row.eventId) return corrupt(`metadata.eventId ${metadata.right.eventId} differs from the row's ${row.eventId}`);
  const recorded = metadata.right;
  recorded.streamId = row.streamId;
  recorded.streamVersion = row.streamVersion;
  recorded.globalPosition = row.globalPosition;
  recorded.recordedAt = row.recordedAt;
  recorded.schemaVersion = row.schemaVersion;
  return E2.right({ type: event.right.type, data: event.right.data, metadata: recorded });
};

// ../packages/core/src/store/event-chain.ts
var genesisHash = "0".repeat(64);

// ../packages/store-sqlite/src/sqlite-auditor.ts
var inWalMode = (path2) => {
  const header = Buffer.alloc(20);
  const fd = openSync(path2, "r");
  try {
    return readSync(fd, header, 0, 20, 0) === 20 && header[18] === 2 && header[19] === 2;
  } finally {
    closeSync(fd);
  }
};
var readableInPlace = (path2) => {
  if (!statSync(path2).isFile() || !inWalMode(path2)) return "yes";
  if (!existsSync(`${path2}-wal`)) return "from-an-image";
  return existsSync(`${path2}-shm`) ? "yes" : "no";
};

// ../packages/store-sqlite/src/sqlite-read-ahead-page.ts
var E3 = __toESM(require_Either(), 1);
var integer = (n) => n <= maxExactNumber ? String(n) : `"${n}"`;
var maxExactNumber = BigInt(Number.MAX_SAFE_INTEGER);
var checkingSchema = (versions2) => ({
  currentVersion: (type4) => versions2[type4] ?? 1,
  upcast: (type4, version, data) => version === (versions2[type4] ?? 1) ? E3.right(data) : E3.left("left to the reader, which holds the upcasters")
});
var checkedEntry = (row) => `[0,"${row.type}",${JSON.stringify(row.streamId)},${integer(row.streamVersion)},${integer(row.globalPosition)},"${row.recordedAt}",${row.schemaVersion},${row.data},${row.metadata}]`;
var storedEntry = (row) => `[1,${JSON.stringify(row.type)},${JSON.stringify(row.streamId)},${integer(row.streamVersion)},${integer(row.globalPosition)},${JSON.stringify(row.recordedAt)},${row.schemaVersion},${JSON.stringify(row.data)},${JSON.stringify(row.metadata)},${JSON.stringify(row.eventId)}]`;
var pageTextOf = (rows, versions2) => {
  const schema = checkingSchema(versions2);
  let text2 = "[";
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (i > 0) text2 += ",";
    text2 += E3.isRight(decodeStoredEvent(row, schema)) ? checkedEntry(row) : storedEntry(row);
  }
  return `${text2}]`;
};

// ../packages/store-sqlite/src/sqlite-statements.ts
var columns = "global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash";
var storedEventOf = (row) => {
  const stored = {
    globalPosition: row.global_position,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at
  };
  if (row.hash !== null) stored.hash = row.hash;
  return stored;
};
var text = "CAST(? AS TEXT)";
var integer2 = "CAST(? AS INTEGER)";
var skipping = (where, typeColumn) => where.replace(" ORDER BY", ` AND ${typeColumn} NOT IN (SELECT value FROM json_each(?)) ORDER BY`);
var prepareStatements = (db2, writable) => {
  const byEventId = db2.prepare(`SELECT ${columns} FROM ao_events WHERE event_id = ?`).safeIntegers(true);
  const streamHead = db2.prepare(`SELECT max(stream_version) AS v FROM ao_events WHERE stream_id = ${text}`).safeIntegers(true);
  const streamTip = db2.prepare(`SELECT stream_version AS version, hash FROM ao_events WHERE stream_id = ${text} ORDER BY stream_version DESC LIMIT 1`).safeIntegers(true);
  const logHead = db2.prepare("SELECT coalesce(max(global_position), 0) AS p FROM ao_events").safeIntegers(true);
  const decodedColumns = columns.replace(", hash", ", NULL AS hash");
  const streamPage = db2.prepare(
    `SELECT ${decodedColumns} FROM ao_events WHERE stream_id = ${text} AND stream_version >= ${integer2} AND stream_version <= ${integer2} ORDER BY stream_version LIMIT ${integer2}`
  ).safeIntegers(true);
  const logSql = `SELECT ${decodedColumns} FROM ao_events WHERE global_position >= ${integer2} AND global_position <= ${integer2} ORDER BY global_position LIMIT ${integer2}`;
  const logPage = db2.prepare(logSql).safeIntegers(true);
  const logPageSkipping = db2.prepare(skipping(logSql, "type")).safeIntegers(true);
  const storedSql = `SELECT ${columns.split(", ").map((c) => `e.${c}`).join(", ")}, p.hash AS previous_hash FROM ao_events e
       LEFT JOIN ao_events p ON p.stream_id = e.stream_id AND p.stream_version = e.stream_version - 1
       WHERE e.global_position >= ${integer2} AND e.global_position <= ${integer2} ORDER BY e.global_position LIMIT ${integer2}`;
  const storedPage = db2.prepare(storedSql).safeIntegers(true);
  const storedPageSkipping = db2.prepare(skipping(storedSql, "e.type")).safeIntegers(true);
  const insert = writable ? db2.prepare(
    "INSERT INTO ao_events (stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
  ).safeIntegers(true) : void 0;
  const writeMark = writable ? db2.prepare("SELECT data_version, total_changes() FROM pragma_data_version").raw(true) : void 0;
  return {
    byEventId: (eventId) => {
      const row = byEventId.get(eventId);
      return row === void 0 ? void 0 : storedEventOf(row);
    },
    streamHead: (streamId) => streamHead.get(streamId)?.v ?? null,
    streamTip: (streamId) => streamTip.get(streamId),
    logHead: () => logHead.get()?.p ?? 0n,
    writeMark: writeMark && (() => writeMark.get()),
    insert: insert && ((row) => BigInt(
      insert.run(row.streamId, row.streamVersion, row.eventId, row.type, row.schemaVersion, row.data, row.metadata, row.recordedAt, row.hash ?? null).lastInsertRowid
    )),
    streamPage: (streamId, from2, to2, limit) => streamPage.all(streamId, from2, to2, limit).map(storedEventOf),
    logPage: (from2, to2, limit, skipped2) => (skipped2 === void 0 ? logPage.all(from2, to2, limit) : logPageSkipping.all(from2, to2, skipped2, limit)).map(storedEventOf),
    storedPage: (from2, to2, limit, skipped2) => (skipped2 === void 0 ? storedPage.all(from2, to2, limit) : storedPageSkipping.all(from2, to2, skipped2, limit)).map((row) => {
      const previousHash = row.stream_version === 0n ? genesisHash : row.previous_hash;
      return { ...storedEventOf(row), ...previousHash === null ? {} : { previousHash } };
    })
  };
};

// ../packages/store-sqlite/src/sqlite-read-ahead-worker.ts
var { path, from, to, size, skipped, versions, depth } = workerData;
var port = parentPort;
var post = (message2) => port.postMessage(message2);
var db;
var credit = depth;
var key = from;
var done = false;
var finish = (message2) => {
  done = true;
  db?.close();
  post(message2);
  port.close();
};
var read = () => {
  try {
    if (readableInPlace(path) !== "yes") return finish({ failure: "the file cannot be read in place without creating files beside it" });
    db = new Database2(path, { readonly: true, fileMustExist: true });
    const statements = prepareStatements(db, false);
    const readPages = () => {
      while (credit > 0 && !done) {
        const rows = statements.logPage(key, to, size, skipped);
        if (rows.length === 0) return finish({ end: true });
        key = rows[rows.length - 1].globalPosition + 1n;
        credit--;
        post({ page: pageTextOf(rows, versions) });
        if (rows.length < size) return finish({ end: true });
      }
    };
    port.on("message", (more) => {
      credit += more;
      try {
        readPages();
      } catch (e) {
        finish({ failure: String(e) });
      }
    });
    readPages();
  } catch (e) {
    finish({ failure: String(e) });
  }
};
read();
